/* test-annual.c: the council pack, figure by figure
 *
 * A year of history is built through the store's own API (people joining
 * and leaving, a quorum rule that changes mid-year, meetings quorate and
 * not, an AGM, decisions, actions), then the annual workbook is read back
 * cell by cell with an independent reader (tests/read-xlsx.py, openpyxl)
 * and every figure compared with what the history implies; LibreOffice
 * opens it and, recalculating every formula, must reach the same cover;
 * the printed summary is read back with pdftotext.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-date.h"
#include "cr-meeting.h"
#include "cr-person.h"
#include "cr-print-annual.h"
#include "cr-report-annual.h"
#include "cr-store-annual.h"
#include "cr-store-meetings.h"
#include "cr-store-money.h"
#include "cr-store-people.h"
#include "cr-store-rules.h"
#include "cr-store-training.h"

#include "cr-test-util.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#define PYTHON "/usr/bin/python3"
#define FROM   "2026-01-01"
#define TO     "2026-12-31"

typedef struct
{
  char    *dir;
  char    *path;
  CrStore *store;
  gint64   assoc;
  gint64   committee;
  gint64   p[10]; /* people, 1 to 9 */
} Fixture;

static gint64
person (Fixture *f, const char *given, const char *family, CrTenure tenure)
{
  g_autoptr (CrPerson) p = cr_person_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  cr_person_set_given_name (p, given);
  cr_person_set_family_name (p, family);
  cr_person_set_tenure (p, tenure);
  id = cr_store_add_person (f->store, p, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
member (Fixture    *f,
        gint64      person_id,
        gint64      group_id,
        const char *start,
        const char *end)
{
  g_autoptr (GError) error = NULL;
  gint64 id = cr_store_add_membership (f->store, person_id, group_id,
                                       CR_MEMBERSHIP_VOTING, start, &error);

  g_assert_no_error (error);
  if (end != NULL)
    {
      cr_store_end_membership (f->store, id, end, CR_END_RESIGNED, &error);
      g_assert_no_error (error);
    }
  return id;
}

static gint64
office (Fixture    *f,
        gint64      person_id,
        const char *role,
        const char *start,
        const char *end)
{
  g_autoptr (GError) error = NULL;
  gint64 id =
      cr_store_add_office (f->store, person_id, f->assoc, role, start, &error);

  g_assert_no_error (error);
  if (end != NULL)
    {
      cr_store_end_office (f->store, id, end, &error);
      g_assert_no_error (error);
    }
  return id;
}

static gint64
meeting (Fixture        *f,
         gint64          group_id,
         const char     *date,
         CrMeetingKind   kind,
         CrMeetingStatus status)
{
  g_autoptr (CrMeeting) m = cr_meeting_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  m->group_id = group_id;
  m->date = g_strdup (date);
  m->kind = kind;
  m->status = status;
  id = cr_store_add_meeting (f->store, m, &error);
  g_assert_no_error (error);
  return id;
}

static void
mark (Fixture         *f,
      gint64           meeting_id,
      gint64           person_id,
      CrAttendanceMark mark,
      CrAttendeeRole   role)
{
  g_autoptr (GError) error = NULL;

  cr_store_set_attendance (f->store, meeting_id, person_id, mark, role, &error);
  g_assert_no_error (error);
}

static gint64
item (Fixture *f, gint64 meeting_id, const char *title)
{
  g_autoptr (CrAgendaItem) i = cr_agenda_item_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  i->meeting_id = meeting_id;
  i->title = g_strdup (title);
  id = cr_store_add_agenda_item (f->store, i, &error);
  g_assert_no_error (error);
  return id;
}

static void
decide (Fixture         *f,
        gint64           item_id,
        const char      *text,
        CrDecisionMethod method,
        guint            votes_for,
        guint            votes_against)
{
  g_autoptr (CrDecision) d = cr_decision_new ();
  g_autoptr (GError) error = NULL;

  d->item_id = item_id;
  d->text = g_strdup (text);
  d->method = method;
  d->votes_for = votes_for;
  d->votes_against = votes_against;
  cr_store_add_decision (f->store, d, TRUE, &error);
  g_assert_no_error (error);
}

static gint64
action (Fixture    *f,
        gint64      meeting_id,
        const char *description,
        gint64      owner,
        const char *owner_text,
        const char *due)
{
  g_autoptr (CrAction) a = cr_action_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  a->meeting_id = meeting_id;
  a->description = g_strdup (description);
  a->owner_person_id = owner;
  a->owner_text = g_strdup (owner_text);
  a->due_date = g_strdup (due);
  id = cr_store_add_action (f->store, a, &error);
  g_assert_no_error (error);
  return id;
}

static void
rule (Fixture    *f,
      gint64      group_id,
      const char *key,
      const char *value,
      const char *on)
{
  g_autoptr (GError) error = NULL;

  cr_store_set_rule_adopted (f->store, group_id, key, value, on, &error);
  g_assert_no_error (error);
}

/* A category, made if the file does not already have it. */
static gint64
category (Fixture *f, const char *name, gboolean income)
{
  g_autoptr (GError) error = NULL;
  gint64 id = cr_store_find_category (f->store, name, &error);

  g_assert_no_error (error);
  if (id == 0)
    id = cr_store_add_category (f->store, name, income, &error);
  g_assert_no_error (error);
  return id;
}

static void
entry (Fixture    *f,
       gint64      account,
       const char *date,
       gint64      category,
       gint64      grant,
       gint64      amount)
{
  g_autoptr (CrCashEntry) e = g_new0 (CrCashEntry, 1);
  g_autoptr (GError) error = NULL;

  e->account_id = account;
  e->date = g_strdup (date);
  e->party = g_strdup ("Vale Community Centre");
  e->description = g_strdup ("An entry");
  e->category_id = category;
  e->grant_id = grant;
  e->method = CR_PAY_BANK;
  e->amount = amount;
  cr_store_save_entry (f->store, e, &error);
  g_assert_no_error (error);
}

/* The treasurer's year: a bank account and petty cash, a grant from the
 * council, spending from it and from the association's own money. */
static void
build_money (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrGrant) g = g_new0 (CrGrant, 1);
  gint64 bank, cash, income, hire, food, funder, grant, report;

  bank = cr_store_add_account (f->store, "Bank", CR_ACCOUNT_BANK, 50000,
                               "2025-01-01", &error);
  g_assert_no_error (error);
  cash = cr_store_add_account (f->store, "Petty cash", CR_ACCOUNT_CASH, 2000,
                               "2025-06-01", &error);
  g_assert_no_error (error);
  income = category (f, "Grant income", TRUE);
  hire = category (f, "Room hire", FALSE);
  food = category (f, "Refreshments", FALSE);
  funder = cr_store_add_funder (f->store, "Vale Council", NULL, &error);
  g_assert_no_error (error);

  g->funder_id = funder;
  g->name = g_strdup ("Community chest");
  g->status = CR_GRANT_AWARDED;
  g->awarded_on = g_strdup ("2026-01-20");
  g->awarded = 30000;
  g->period_start = g_strdup ("2026-01-01");
  g->period_end = g_strdup ("2026-12-31");
  grant = cr_store_save_grant (f->store, g, &error);
  g_assert_no_error (error);
  report = cr_store_add_grant_report (f->store, grant, "2026-07-31",
                                      "Half-year report", &error);
  g_assert_no_error (error);
  cr_store_submit_grant_report (f->store, report, "2026-07-20", &error);
  g_assert_no_error (error);
  /* One report is late; one is due after "today" (25/11), not late yet. */
  cr_store_add_grant_report (f->store, grant, "2026-09-30", "Photos", &error);
  g_assert_no_error (error);
  cr_store_add_grant_report (f->store, grant, "2026-12-15", "Final report",
                             &error);
  g_assert_no_error (error);

  entry (f, bank, "2025-12-15", hire, 0, -4000); /* before the year */
  entry (f, bank, "2026-01-25", income, grant, 30000);
  entry (f, bank, "2026-02-10", hire, grant, -4550);
  entry (f, bank, "2026-05-12", food, 0, -1230);
  entry (f, cash, "2026-04-01", food, 0, -500);
  entry (f, bank, "2027-01-10", hire, grant, -4000); /* after it */
}

/* The committee asks for half its core programme (induction and
 * finance): Ann has both, Bob and Eve the induction, Cat neither. */
static void
build_training (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  gint64 induction, finance;

  induction =
      cr_store_add_course (f->store, "Induction", "Vale Council", 0, 0, &error);
  g_assert_no_error (error);
  finance =
      cr_store_add_course (f->store, "Finance", "Vale Council", 0, 0, &error);
  g_assert_no_error (error);
  cr_store_set_course_core (f->store, induction, f->committee, TRUE,
                            "2025-01-01", &error);
  g_assert_no_error (error);
  cr_store_set_course_core (f->store, finance, f->committee, TRUE, "2025-01-01",
                            &error);
  g_assert_no_error (error);
  cr_store_add_training (f->store, f->p[1], induction, "2025-02-01",
                         CR_TRAINING_COMPLETED, NULL, &error);
  g_assert_no_error (error);
  cr_store_add_training (f->store, f->p[1], finance, "2025-03-01",
                         CR_TRAINING_COMPLETED, NULL, &error);
  g_assert_no_error (error);
  cr_store_add_training (f->store, f->p[2], induction, "2025-02-01",
                         CR_TRAINING_COMPLETED, NULL, &error);
  g_assert_no_error (error);
  cr_store_add_training (f->store, f->p[5], induction, "2026-04-01",
                         CR_TRAINING_COMPLETED, NULL, &error);
  g_assert_no_error (error);
}

/* The year 2026 of a small association, told in the comments the way a
 * secretary would. Every figure the tests expect follows from it. */
static void
build_history (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  gint64 m0, m1, m2, m3, agm, a;

  f->assoc = cr_store_get_association_group (f->store);
  f->committee = cr_store_add_group (f->store, "Committee",
                                     CR_GROUP_KIND_COMMITTEE, f->assoc, &error);
  g_assert_no_error (error);

  f->p[1] = person (f, "Ann", "Archer", CR_TENURE_TENANT);
  f->p[2] = person (f, "Bob", "Baker", CR_TENURE_LEASEHOLDER);
  f->p[3] = person (f, "Cat", "Cooper", CR_TENURE_TENANT);
  f->p[4] = person (f, "Dan", "Dyer", CR_TENURE_OTHER);
  f->p[5] = person (f, "Eve", "Evans", CR_TENURE_TENANT);
  f->p[6] = person (f, "Fay", "Fisher", CR_TENURE_UNKNOWN);
  f->p[7] = person (f, "Gus", "Gray", CR_TENURE_TENANT);
  f->p[8] = person (f, "Hal", "Hill", CR_TENURE_TENANT);
  f->p[9] = person (f, "Ivy", "Irwin", CR_TENURE_UNKNOWN);

  /* Ann, Bob, Cat and Dan were members before the year; Dan resigned at
   * the end of April. Eve joined in March, Fay came and went in the
   * summer, Gus left the year before, Hal joins the next. Ivy is the
   * housing officer, never a member. */
  member (f, f->p[1], f->assoc, "2024-01-01", NULL);
  member (f, f->p[2], f->assoc, "2024-01-01", NULL);
  member (f, f->p[3], f->assoc, "2025-05-01", NULL);
  member (f, f->p[4], f->assoc, "2024-03-01", "2026-04-30");
  member (f, f->p[5], f->assoc, "2026-03-15", NULL);
  member (f, f->p[6], f->assoc, "2026-07-01", "2026-09-30");
  member (f, f->p[7], f->assoc, "2023-01-01", "2025-12-31");
  member (f, f->p[8], f->assoc, "2027-01-05", NULL);
  member (f, f->p[1], f->committee, "2024-01-01", NULL);
  member (f, f->p[2], f->committee, "2024-01-01", NULL);
  member (f, f->p[3], f->committee, "2025-05-01", NULL);
  member (f, f->p[4], f->committee, "2024-03-01", "2026-04-30");
  member (f, f->p[5], f->committee, "2026-03-15", NULL);

  /* Officers elected at the 2025 AGM; Cat took over as treasurer at the
   * 2026 one after Dan left. */
  office (f, f->p[1], "Chair", "2025-10-11", NULL);
  office (f, f->p[2], "Secretary", "2025-10-11", NULL);
  office (f, f->p[4], "Treasurer", "2025-10-11", "2026-04-30");
  office (f, f->p[3], "Treasurer", "2026-10-10", NULL);

  /* The constitution: version 1 in 2025, version 2 from February 2026.
   * The committee's quorum was 3 until June, then 4. */
  rule (f, f->assoc, "agm-max-months", "15", "2025-01-01");
  rule (f, f->assoc, "agm-notice-days", "14", "2026-02-01");
  rule (f, f->committee, "quorum", "3", "2025-01-01");
  rule (f, f->committee, "training-threshold-percent", "50", "2025-01-01");

  /* Last year's AGM and a December committee meeting, outside the year;
   * an action from it was done in January. */
  agm = meeting (f, f->assoc, "2025-10-11", CR_MEETING_KIND_AGM,
                 CR_MEETING_STATUS_HELD);
  mark (f, agm, f->p[1], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  m0 = meeting (f, f->committee, "2025-12-01", CR_MEETING_KIND_ORDINARY,
                CR_MEETING_STATUS_HELD);
  mark (f, m0, f->p[1], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  a = action (f, m0, "Order the Christmas lights", f->p[2], NULL, NULL);
  cr_store_update_action (f->store, a, CR_ACTION_DONE, "Lights ordered",
                          "2026-01-15", &error);
  g_assert_no_error (error);

  /* February: 3 of 4 present (Ann, Bob, Cat), quorum 3: quorate. */
  m1 = meeting (f, f->committee, "2026-02-10", CR_MEETING_KIND_ORDINARY,
                CR_MEETING_STATUS_HELD);
  mark (f, m1, f->p[1], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  mark (f, m1, f->p[2], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  mark (f, m1, f->p[3], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  mark (f, m1, f->p[4], CR_ATTENDANCE_ABSENT, CR_ATTENDEE_MEMBER);
  mark (f, m1, f->p[9], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_OFFICER);
  decide (f, item (f, m1, "Playground"), "Ask the council to mend the swings",
          CR_DECISION_CONSENSUS, 0, 0);
  a = action (f, m1, "Report the broken lights", f->p[1], NULL, "2026-03-01");
  cr_store_update_action (f->store, a, CR_ACTION_DONE, "Lights mended",
                          "2026-02-20", &error);
  g_assert_no_error (error);

  /* May: Dan has gone and Eve has come; 2 of 4 present: not quorate. */
  m2 = meeting (f, f->committee, "2026-05-12", CR_MEETING_KIND_ORDINARY,
                CR_MEETING_STATUS_HELD);
  mark (f, m2, f->p[1], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  mark (f, m2, f->p[2], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  mark (f, m2, f->p[3], CR_ATTENDANCE_APOLOGIES, CR_ATTENDEE_MEMBER);
  mark (f, m2, f->p[5], CR_ATTENDANCE_ABSENT, CR_ATTENDEE_MEMBER);
  /* A title that looks like a formula must stay text in the workbook. */
  decide (f, item (f, m2, "=SUM(A1) litter"), "Hold a litter pick in June",
          CR_DECISION_VOTE, 2, 0);
  action (f, m2, "Ask about the bins", 0, "Housing officer", "2026-06-30");

  /* From June the quorum is 4. September: 3 of 4, not quorate now,
   * though it would have been in February. */
  rule (f, f->committee, "quorum", "4", "2026-06-01");
  m3 = meeting (f, f->committee, "2026-09-08", CR_MEETING_KIND_ORDINARY,
                CR_MEETING_STATUS_HELD);
  mark (f, m3, f->p[1], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  mark (f, m3, f->p[2], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  mark (f, m3, f->p[5], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  mark (f, m3, f->p[3], CR_ATTENDANCE_ABSENT, CR_ATTENDEE_MEMBER);

  /* The AGM, 11 months after the last: all 4 members there. */
  agm = meeting (f, f->assoc, "2026-10-10", CR_MEETING_KIND_AGM,
                 CR_MEETING_STATUS_HELD);
  mark (f, agm, f->p[1], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  mark (f, agm, f->p[2], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  mark (f, agm, f->p[3], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  mark (f, agm, f->p[5], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);

  /* Planned, not held: not in the return. */
  meeting (f, f->committee, "2026-11-10", CR_MEETING_KIND_ORDINARY,
           CR_MEETING_STATUS_PLANNED);

  build_money (f);
  build_training (f);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = cr_test_make_tmpdir ("test-annual-XXXXXX");
  f->path = g_build_filename (f->dir, "vale.commonroom", NULL);
  f->store = cr_store_create (f->path, "Vale & District TRA", &error);
  g_assert_no_error (error);
  build_history (f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  cr_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* ---- the store's figures ------------------------------------------- */

static void
test_store (Fixture *f, gconstpointer data)
{
  const guint months[12] = { 4, 4, 5, 4, 4, 4, 5, 5, 4, 4, 4, 4 };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrAnnual) y = cr_store_get_annual (f->store, FROM, TO, &error);
  const CrAnnualCount   *c;
  const CrAnnualMeeting *m;
  guint                  judged = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (y->members_at_start, ==, 4);
  g_assert_cmpuint (y->joined, ==, 2);
  g_assert_cmpuint (y->left, ==, 2);
  g_assert_cmpuint (y->members_at_end, ==, 4);

  c = g_ptr_array_index (y->tenures, 0); /* tenants: Ann, Cat; Eve */
  g_assert_cmpuint (c->at_start, ==, 2);
  g_assert_cmpuint (c->joined, ==, 1);
  g_assert_cmpuint (c->left, ==, 0);
  g_assert_cmpuint (c->at_end, ==, 3);
  c = g_ptr_array_index (y->tenures, 2); /* other: Dan */
  g_assert_cmpuint (c->at_start, ==, 1);
  g_assert_cmpuint (c->left, ==, 1);
  g_assert_cmpuint (c->at_end, ==, 0);
  c = g_ptr_array_index (y->tenures, 3); /* not recorded: Fay */
  g_assert_cmpuint (c->joined, ==, 1);
  g_assert_cmpuint (c->left, ==, 1);

  g_assert_cmpuint (y->months->len, ==, 12);
  for (guint i = 0; i < 12; i++)
    g_assert_cmpuint (
        ((CrAnnualMonth *) g_ptr_array_index (y->months, i))->members, ==,
        months[i]);

  g_assert_cmpuint (y->groups->len, ==, 2);
  c = g_ptr_array_index (y->groups, 1);
  g_assert_cmpstr (c->label, ==, "Committee");
  g_assert_cmpuint (c->at_start, ==, 4);
  g_assert_cmpuint (c->joined, ==, 1);
  g_assert_cmpuint (c->left, ==, 1);
  g_assert_cmpuint (c->at_end, ==, 4);
  g_assert_cmpuint (c->meetings_held, ==, 3);
  g_assert_cmpuint (c->meetings_quorate, ==, 1);

  /* Each meeting by the rules of its own date. */
  g_assert_cmpuint (y->meetings->len, ==, 4);
  m = g_ptr_array_index (y->meetings, 0);
  g_assert_cmpstr (m->date, ==, "2026-02-10");
  g_assert_cmpuint (m->quorum_required, ==, 3);
  g_assert_cmpuint (m->voting_present, ==, 3);
  g_assert_cmpuint (m->voting_members, ==, 4);
  g_assert_cmpint (m->quorate, ==, CR_QUORATE_YES);
  g_assert_cmpuint (m->others_present, ==, 1);
  m = g_ptr_array_index (y->meetings, 1);
  g_assert_cmpint (m->quorate, ==, CR_QUORATE_NO);
  m = g_ptr_array_index (y->meetings, 2);
  g_assert_cmpuint (m->quorum_required, ==, 4);
  g_assert_cmpint (m->quorate, ==, CR_QUORATE_NO);
  m = g_ptr_array_index (y->meetings, 3);
  g_assert_cmpint (m->kind, ==, CR_MEETING_KIND_AGM);
  g_assert_cmpint (m->quorate, ==, CR_QUORATE_YES);
  g_assert_cmpuint (cr_annual_count_quorate (y, &judged), ==, 2);
  g_assert_cmpuint (judged, ==, 4);

  g_assert_cmpuint (y->officers->len, ==, 3);
  g_assert_cmpstr (
      ((CrAnnualOfficer *) g_ptr_array_index (y->officers, 0))->name, ==,
      "Ann Archer");
  g_assert_cmpstr (
      ((CrAnnualOfficer *) g_ptr_array_index (y->officers, 2))->name, ==,
      "Cat Cooper");
  g_assert_cmpuint (y->offices_taken, ==, 1);
  g_assert_cmpuint (y->terms_version, ==, 2);
  g_assert_cmpstr (y->terms_adopted_on, ==, "2026-02-01");
  g_assert_cmpuint (y->agm_max_months, ==, 15);
  g_assert_cmpuint (y->agms->len, ==, 1);
  g_assert_cmpstr (y->previous_agm, ==, "2025-10-11");

  g_assert_cmpuint (y->decisions->len, ==, 2);
  g_assert_true (((CrAnnualDecision *) g_ptr_array_index (y->decisions, 0))
                     ->quorate_at_time);
  g_assert_false (((CrAnnualDecision *) g_ptr_array_index (y->decisions, 1))
                      ->quorate_at_time);
  g_assert_cmpuint (y->actions->len, ==, 2);
  g_assert_cmpuint (y->actions_done, ==, 1);
  g_assert_cmpuint (y->actions_done_in_period, ==, 2);

  /* Money: the year's entries only, balances carried from before. */
  g_assert_cmpuint (y->categories->len, ==, 3);
  g_assert_cmpstr (
      ((CrAnnualCategory *) g_ptr_array_index (y->categories, 0))->category, ==,
      "Grant income");
  g_assert_cmpint (
      ((CrAnnualCategory *) g_ptr_array_index (y->categories, 0))->money_in, ==,
      30000);
  g_assert_cmpint (
      ((CrAnnualCategory *) g_ptr_array_index (y->categories, 1))->money_out,
      ==, 1730);
  g_assert_cmpint (
      ((CrAnnualCategory *) g_ptr_array_index (y->categories, 2))->money_out,
      ==, 4550);
  g_assert_cmpuint (y->accounts->len, ==, 2);
  {
    const CrAnnualAccount *bank = g_ptr_array_index (y->accounts, 0);
    const CrAnnualAccount *cash = g_ptr_array_index (y->accounts, 1);

    g_assert_cmpstr (bank->name, ==, "Bank");
    g_assert_cmpint (bank->at_start, ==, 46000);
    g_assert_cmpint (bank->money_in, ==, 30000);
    g_assert_cmpint (bank->money_out, ==, 5780);
    g_assert_cmpint (bank->at_end, ==, 70220);
    g_assert_cmpint (cash->at_start, ==, 2000);
    g_assert_cmpint (cash->at_end, ==, 1500);
  }
  g_assert_cmpuint (y->grants->len, ==, 1);
  g_assert_cmpint (
      ((CrAnnualGrant *) g_ptr_array_index (y->grants, 0))->awarded, ==, 30000);
  g_assert_cmpint (((CrAnnualGrant *) g_ptr_array_index (y->grants, 0))->spent,
                   ==, 4550);
  g_assert_false (((CrAnnualGrant *) g_ptr_array_index (y->grants, 0))->over);
  g_assert_cmpstr (y->reports_by, ==, "2026-11-25");
  g_assert_cmpuint (y->reports_due, ==, 2);
  g_assert_cmpuint (y->reports_late, ==, 1);

  /* Training: the committee's threshold; the association sets none. */
  g_assert_cmpuint (y->training->len, ==, 2);
  {
    const CrAnnualTraining *t = g_ptr_array_index (y->training, 1);

    g_assert_cmpstr (t->group_name, ==, "Committee");
    g_assert_cmpuint (t->threshold, ==, 50);
    g_assert_cmpuint (t->members, ==, 4);
    g_assert_cmpuint (t->met, ==, 3);
    g_assert_cmpuint (t->percent_sum, ==, 200);
    t = g_ptr_array_index (y->training, 0);
    g_assert_cmpuint (t->threshold, ==, 0);
    g_assert_cmpuint (t->met, ==, 0);
  }
}

static void
test_bad_period (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "bad.xlsx", NULL);

  g_assert_false (
      cr_report_annual (f->store, out, "2026-12-31", "2026-01-01", &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

/* ---- the workbook, cell by cell ------------------------------------ */

static JsonNode *
read_back (const char *path)
{
  g_autofree char *script =
      g_test_build_filename (G_TEST_DIST, "read-xlsx.py", NULL);
  const char      *argv[] = { PYTHON, script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  int status = 0;

  /* No skipping: the pack is for a council, it must be checked. */
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("read-xlsx.py failed (it needs %s with openpyxl): %s\n%s", PYTHON,
             error->message, err);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
get_sheet (JsonNode *root, const char *name)
{
  JsonObject *sheets =
      json_object_get_object_member (json_node_get_object (root), "sheets");

  g_assert_true (json_object_has_member (sheets, name));
  return json_object_get_object_member (sheets, name);
}

static JsonObject *
cell (JsonObject *sheet, const char *col, guint row)
{
  JsonObject      *cells = json_object_get_object_member (sheet, "cells");
  g_autofree char *ref = g_strdup_printf ("%s%u", col, row);

  if (!json_object_has_member (cells, ref))
    return NULL;
  return json_object_get_object_member (cells, ref);
}

static const char *
text_at (JsonObject *sheet, const char *col, guint row)
{
  JsonObject *c = cell (sheet, col, row);

  return c != NULL ? json_object_get_string_member (c, "value") : NULL;
}

/* The row whose column A says @label. */
static guint
find_row (JsonObject *sheet, const char *label)
{
  for (guint row = 1; row < 200; row++)
    if (g_strcmp0 (text_at (sheet, "A", row), label) == 0)
      return row;
  g_error ("No row “%s”", label);
  return 0;
}

static void
assert_number (JsonObject *sheet, const char *col, guint row, gint64 value)
{
  JsonObject *c = cell (sheet, col, row);

  if (c == NULL)
    g_error ("%s%u is empty, expected %" G_GINT64_FORMAT, col, row, value);
  g_assert_cmpstr (json_object_get_string_member (c, "type"), ==, "n");
  g_assert_cmpint (json_object_get_int_member (c, "value"), ==, value);
}

static void
assert_percent (JsonObject *sheet, const char *col, guint row, double value)
{
  JsonObject *c = cell (sheet, col, row);

  g_assert_nonnull (c);
  g_assert_cmpstr (json_object_get_string_member (c, "number_format"), ==,
                   "0%");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (c, "value"),
                                  value, 1e-9);
}

/* Money is a real number of pounds in the house format. */
static void
assert_money (JsonObject *sheet, const char *col, guint row, gint64 pence)
{
  JsonObject *c = cell (sheet, col, row);

  if (c == NULL)
    g_error ("%s%u is empty, expected %" G_GINT64_FORMAT "p", col, row, pence);
  g_assert_cmpstr (json_object_get_string_member (c, "number_format"), ==,
                   "£#,##0.00");
  g_assert_cmpint (
      (gint64) (json_object_get_double_member (c, "value") * 100.0 +
                (pence >= 0 ? 0.5 : -0.5)),
      ==, pence);
}

static void
assert_money_formula (JsonObject *sheet,
                      const char *col,
                      guint       row,
                      const char *formula,
                      gint64      pence)
{
  JsonObject *c = cell (sheet, col, row);

  if (c == NULL)
    g_error ("%s%u is empty, expected %s", col, row, formula);
  g_assert_cmpstr (json_object_get_string_member (c, "type"), ==, "f");
  g_assert_cmpstr (json_object_get_string_member (c, "value"), ==, formula);
  g_assert_cmpstr (json_object_get_string_member (c, "number_format"), ==,
                   "£#,##0.00");
  g_assert_cmpint (
      (gint64) (json_object_get_double_member (c, "cached") * 100.0 +
                (pence >= 0 ? 0.5 : -0.5)),
      ==, pence);
}

static void
assert_date (JsonObject *sheet, const char *col, guint row, const char *iso)
{
  JsonObject      *c = cell (sheet, col, row);
  g_autofree char *expected = g_strdup_printf ("%sT00:00:00", iso);

  g_assert_nonnull (c);
  g_assert_true (json_object_get_boolean_member (c, "is_date"));
  g_assert_cmpstr (json_object_get_string_member (c, "number_format"), ==,
                   "dd/mm/yyyy");
  g_assert_cmpstr (json_object_get_string_member (c, "value"), ==, expected);
}

static void
assert_text (JsonObject *sheet, const char *col, guint row, const char *text)
{
  JsonObject *c = cell (sheet, col, row);

  if (c == NULL)
    g_error ("%s%u is empty, expected “%s”", col, row, text);
  g_assert_cmpstr (json_object_get_string_member (c, "type"), ==, "s");
  g_assert_cmpstr (json_object_get_string_member (c, "value"), ==, text);
}

/* A formula, the value it carries, and that the cell it names holds
 * that same value: the figure is traceable. */
static void
assert_formula (JsonNode   *root,
                JsonObject *sheet,
                const char *col,
                guint       row,
                const char *formula,
                gint64      value)
{
  JsonObject      *c = cell (sheet, col, row);
  g_autofree char *target_sheet = NULL;
  g_autofree char *target_col = NULL;
  guint            target_row = 0;
  g_autoptr (GRegex) re = NULL;
  g_autoptr (GMatchInfo) match = NULL;

  if (c == NULL)
    g_error ("%s%u is empty, expected %s", col, row, formula);
  g_assert_cmpstr (json_object_get_string_member (c, "type"), ==, "f");
  g_assert_cmpstr (json_object_get_string_member (c, "value"), ==, formula);
  g_assert_cmpint (json_object_get_int_member (c, "cached"), ==, value);

  re = g_regex_new ("^='([^']+)'!\\$([A-Z]+)\\$([0-9]+)$", 0, 0, NULL);
  if (!g_regex_match (re, formula, 0, &match))
    return;
  target_sheet = g_match_info_fetch (match, 1);
  target_col = g_match_info_fetch (match, 2);
  target_row = (guint) atoi (g_match_info_fetch (match, 3));
  {
    JsonObject *target =
        cell (get_sheet (root, target_sheet), target_col, target_row);
    const char *key =
        g_strcmp0 (json_object_get_string_member (target, "type"), "f") == 0
            ? "cached"
            : "value";

    g_assert_nonnull (target);
    g_assert_cmpint (json_object_get_int_member (target, key), ==, value);
  }
}

static void
test_workbook (Fixture *f, gconstpointer data)
{
  const guint months[12] = { 4, 4, 5, 4, 4, 4, 5, 5, 4, 4, 4, 4 };
  g_autoptr (GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "annual.xlsx", NULL);
  g_autoptr (JsonNode) root = NULL;
  JsonObject *s;
  JsonArray  *names;
  guint       r;

  g_assert_true (cr_report_annual (f->store, out, FROM, TO, &error));
  g_assert_no_error (error);
  root = read_back (out);

  names =
      json_object_get_array_member (json_node_get_object (root), "sheet_names");
  g_assert_cmpuint (json_array_get_length (names), ==, 13);
  g_assert_cmpstr (json_array_get_string_element (names, 0), ==, "Cover");
  g_assert_cmpstr (json_array_get_string_element (names, 1), ==, "Checklist");
  g_assert_cmpstr (json_array_get_string_element (names, 8), ==, "Money");
  g_assert_cmpstr (json_array_get_string_element (names, 12), ==, "About");

  /* Money in and out by category, in pounds, totals as formulas. */
  s = get_sheet (root, "Money");
  assert_text (s, "A", 5, "Grant income");
  assert_money (s, "B", 5, 30000);
  assert_money (s, "C", 5, 0);
  assert_text (s, "A", 6, "Refreshments");
  assert_money (s, "C", 6, 1730);
  assert_text (s, "A", 7, "Room hire");
  assert_money (s, "C", 7, 4550);
  assert_money_formula (s, "B", 8, "=SUM(B5:B7)", 30000);
  assert_money_formula (s, "C", 8, "=SUM(C5:C7)", 6280);

  s = get_sheet (root, "Grants");
  assert_text (s, "A", 5, "Community chest");
  assert_text (s, "B", 5, "Vale Council");
  assert_date (s, "D", 5, "2026-01-20");
  assert_money (s, "E", 5, 30000);
  assert_money (s, "F", 5, 4550);
  assert_money_formula (s, "G", 5, "=E5-F5", 25450);
  assert_money_formula (s, "G", 6, "=SUM(G5)", 25450);

  s = get_sheet (root, "Balances");
  assert_text (s, "A", 5, "Bank");
  assert_money (s, "B", 5, 46000);
  assert_money (s, "C", 5, 30000);
  assert_money (s, "D", 5, 5780);
  assert_money_formula (s, "E", 5, "=B5+C5-D5", 70220);
  assert_text (s, "A", 6, "Petty cash");
  assert_money_formula (s, "E", 6, "=B6+C6-D6", 1500);
  assert_money_formula (s, "E", 7, "=SUM(E5:E6)", 71720);

  s = get_sheet (root, "Training");
  assert_text (s, "A", 6, "Committee");
  assert_number (s, "B", 6, 4);
  assert_percent (s, "C", 6, 0.5);
  assert_number (s, "D", 6, 3);
  assert_number (s, "E", 6, 1);
  assert_percent (s, "F", 6, 0.5);
  assert_text (s, "C", 5, "None set");
  assert_formula (root, s, "D", 7, "=SUM(D5:D6)", 3);

  /* Membership by tenure, and its totals as formulas. */
  s = get_sheet (root, "Membership");
  assert_text (s, "A", 1, "Vale & District TRA: membership by tenure");
  assert_text (s, "A", 2, "Year 2026");
  assert_text (s, "A", 4, "Tenure");
  g_assert_cmpstr (json_object_get_string_member (s, "freeze_panes"), ==, "A5");
  assert_text (s, "A", 5, "Tenant");
  assert_number (s, "B", 5, 2);
  assert_number (s, "C", 5, 1);
  assert_number (s, "D", 5, 0);
  assert_number (s, "E", 5, 3);
  assert_text (s, "A", 6, "Leaseholder");
  assert_number (s, "B", 6, 1);
  assert_number (s, "E", 6, 1);
  assert_text (s, "A", 7, "Other");
  assert_number (s, "B", 7, 1);
  assert_number (s, "D", 7, 1);
  assert_number (s, "E", 7, 0);
  assert_text (s, "A", 8, "Not recorded");
  assert_number (s, "C", 8, 1);
  assert_number (s, "D", 8, 1);
  assert_text (s, "A", 9, "All members");
  assert_formula (root, s, "B", 9, "=SUM(B5:B8)", 4);
  assert_formula (root, s, "C", 9, "=SUM(C5:C8)", 2);
  assert_formula (root, s, "D", 9, "=SUM(D5:D8)", 2);
  assert_formula (root, s, "E", 9, "=SUM(E5:E8)", 4);

  /* Groups. */
  s = get_sheet (root, "Groups");
  assert_text (s, "A", 5, "Vale & District TRA");
  assert_number (s, "B", 5, 4);
  assert_number (s, "F", 5, 1);
  assert_number (s, "G", 5, 1);
  assert_percent (s, "H", 5, 1.0);
  assert_text (s, "A", 6, "Committee");
  assert_number (s, "B", 6, 4);
  assert_number (s, "C", 6, 1);
  assert_number (s, "D", 6, 1);
  assert_number (s, "E", 6, 4);
  assert_number (s, "F", 6, 3);
  assert_number (s, "G", 6, 1);
  assert_percent (s, "H", 6, 8.0 / 12.0);
  assert_formula (root, s, "F", 7, "=SUM(F5:F6)", 4);
  assert_formula (root, s, "G", 7, "=SUM(G5:G6)", 2);

  /* Month by month. */
  s = get_sheet (root, "Months");
  for (guint i = 0; i < 12; i++)
    assert_number (s, "B", 5 + i, months[i]);
  assert_date (s, "A", 5, "2026-01-31");
  assert_date (s, "A", 16, "2026-12-31");

  /* Meetings, each by its own rules. */
  s = get_sheet (root, "Meetings");
  assert_date (s, "A", 5, "2026-02-10");
  assert_text (s, "B", 5, "Committee");
  assert_number (s, "D", 5, 4);
  assert_number (s, "E", 5, 3);
  assert_number (s, "F", 5, 3);
  assert_text (s, "G", 5, "Yes");
  assert_percent (s, "H", 5, 0.75);
  assert_number (s, "I", 5, 1);
  assert_date (s, "A", 6, "2026-05-12");
  assert_text (s, "G", 6, "No");
  assert_percent (s, "H", 6, 0.5);
  assert_date (s, "A", 7, "2026-09-08");
  assert_number (s, "F", 7, 4);
  assert_text (s, "G", 7, "No");
  assert_date (s, "A", 8, "2026-10-10");
  assert_text (s, "B", 8, "Vale & District TRA");
  assert_number (s, "E", 8, 4);
  assert_text (s, "G", 8, "Yes");
  assert_text (s, "A", 9, "Total");
  assert_formula (root, s, "G", 9, "=COUNTIF(G5:G8,\"Yes\")", 2);
  g_assert_null (cell (s, "A", 10));
  g_assert_cmpstr (json_object_get_string_member (s, "auto_filter"), ==,
                   "A4:I8");

  /* Decisions and actions. */
  s = get_sheet (root, "Decisions");
  assert_date (s, "A", 5, "2026-02-10");
  assert_text (s, "C", 5, "Playground");
  assert_text (s, "D", 5, "Ask the council to mend the swings");
  assert_text (s, "J", 5, "Yes");
  assert_text (s, "C", 6, "=SUM(A1) litter");
  assert_text (s, "D", 6, "Hold a litter pick in June");
  assert_number (s, "F", 6, 2);
  assert_number (s, "G", 6, 0);
  assert_text (s, "J", 6, "No: to be ratified");
  g_assert_null (cell (s, "A", 7));

  s = get_sheet (root, "Actions");
  assert_date (s, "A", 5, "2026-02-10");
  assert_text (s, "C", 5, "Report the broken lights");
  assert_text (s, "D", 5, "Ann Archer");
  assert_text (s, "G", 5, "Lights mended");
  assert_date (s, "H", 5, "2026-02-20");
  assert_text (s, "C", 6, "Ask about the bins");
  assert_text (s, "D", 6, "Housing officer");
  assert_date (s, "E", 6, "2026-06-30");
  assert_formula (root, s, "C", 7, "=COUNTA(C5:C6)", 2);
  assert_formula (root, s, "F", 7, "=COUNTIF(F5:F6,\"Done\")", 1);

  /* The cover: each count a formula into the sheet it comes from. */
  s = get_sheet (root, "Cover");
  assert_text (s, "A", 1, "Vale & District TRA: annual return");
  assert_text (s, "B", find_row (s, "Association"), "Vale & District TRA");
  assert_number (s, "B", find_row (s, "Constitution version"), 2);
  assert_date (s, "B", find_row (s, "Constitution adopted on"), "2026-02-01");
  assert_date (s, "B", find_row (s, "AGM held on"), "2026-10-10");
  r = find_row (s, "Officers on 31/12/2026");
  assert_text (s, "A", r + 1, "Chair");
  assert_text (s, "B", r + 1, "Ann Archer");
  assert_text (s, "A", r + 2, "Secretary");
  assert_text (s, "B", r + 2, "Bob Baker");
  assert_text (s, "A", r + 3, "Treasurer");
  assert_text (s, "B", r + 3, "Cat Cooper");
  assert_text (s, "C", r + 3, "since 10/10/2026");
  assert_formula (root, s, "B", find_row (s, "Members at the start"),
                  "='Membership'!$B$9", 4);
  assert_formula (root, s, "B", find_row (s, "Joined"), "='Membership'!$C$9",
                  2);
  assert_formula (root, s, "B", find_row (s, "Left"), "='Membership'!$D$9", 2);
  assert_formula (root, s, "B", find_row (s, "Members at the end"),
                  "='Membership'!$E$9", 4);
  assert_formula (root, s, "B", find_row (s, "Meetings held"), "='Groups'!$F$7",
                  4);
  assert_formula (root, s, "B", find_row (s, "Meetings quorate"),
                  "='Meetings'!$G$9", 2);
  assert_formula (root, s, "B", find_row (s, "Decisions made"),
                  "=COUNTA('Decisions'!$D$5:$D$6)", 2);
  assert_formula (root, s, "B", find_row (s, "Actions raised (you said)"),
                  "='Actions'!$C$7", 2);
  assert_formula (root, s, "B", find_row (s, "Of those, done (we did)"),
                  "='Actions'!$F$7", 1);
  assert_number (s, "B", find_row (s, "Actions done in the period"), 2);
  assert_money_formula (s, "B", find_row (s, "Money in"), "='Money'!$B$8",
                        30000);
  assert_money_formula (s, "B", find_row (s, "Money out"), "='Money'!$C$8",
                        6280);
  assert_money_formula (s, "B", find_row (s, "Held at the end"),
                        "='Balances'!$E$7", 71720);
  assert_formula (root, s, "B",
                  find_row (s, "Members meeting a training threshold"),
                  "='Training'!$D$7", 3);

  /* The checklist. */
  s = get_sheet (root, "Checklist");
  assert_text (s, "A", 5, "Constitution adopted");
  assert_text (s, "B", 5, "Yes");
  assert_text (s, "C", 5,
               "Version 2, adopted on 01/02/2026, was in force on "
               "31/12/2026.");
  assert_formula (root, s, "D", 5, "='Cover'!$B$7", 2);
  assert_text (s, "A", 6, "AGM held in time");
  assert_text (s, "B", 6, "Yes");
  assert_text (s, "C", 6,
               "AGM held on 10/10/2026, 11 months after the one "
               "before (the constitution allows at most 15 months "
               "between AGMs).");
  assert_formula (root, s, "D", 6, "='Meetings'!$C$9", 1);
  assert_text (s, "A", 7, "Officers elected");
  assert_text (s, "B", 7, "Yes");
  assert_text (s, "A", 8, "Membership open and counted");
  assert_text (s, "B", 8, "Yes");
  assert_formula (root, s, "D", 8, "='Membership'!$E$9", 4);
  assert_text (s, "A", 9, "Meetings quorate");
  assert_text (s, "B", 9, "No");
  assert_text (s, "C", 9,
               "2 of 4 meetings with attendance taken were quorate, "
               "by the rules in force on each date. Not quorate: "
               "12/05/2026 Committee, 08/09/2026 Committee. "
               "Decisions of those meetings must be ratified at a "
               "quorate one.");
  assert_formula (root, s, "D", 9, "='Meetings'!$G$9", 2);
  assert_text (s, "A", 10, "Accounts in order");
  assert_text (s, "B", 10, "No");
  assert_text (s, "C", 10,
               "£300.00 in and £62.80 out during the period; "
               "£717.20 held at the end in 2 accounts. 1 grant, "
               "not overspent. 1 of 2 grant reports due by "
               "25/11/2026 were not sent in time.");
  assert_money_formula (s, "D", 10, "='Balances'!$E$7", 71720);
  assert_text (s, "A", 11, "Members trained");
  assert_text (s, "B", 11, "No");
  assert_text (s, "C", 11,
               "Committee: 3 of 4 members meet the 50% threshold. "
               "Offer the core courses to those below it before "
               "full membership.");
  assert_formula (root, s, "D", 11, "='Training'!$D$7", 3);

  /* The house format's print set-up and About sheet. */
  s = get_sheet (root, "About");
  assert_text (s, "A", find_row (s, "From file"), "From file");
  assert_text (s, "B", find_row (s, "From file"), "vale.commonroom");
}

/* A new association with nothing recorded yet still gets a whole pack,
 * every figure nought and every point honestly not met. */
static void
test_empty (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-annual-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "new.commonroom", NULL);
  g_autofree char *out = g_build_filename (dir, "annual.xlsx", NULL);
  g_autoptr (CrStore) store = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonObject *s;

  g_assert_no_error (error);
  store = cr_store_create (path, "New Estate TRA", &error);
  g_assert_no_error (error);
  g_assert_true (cr_report_annual (store, out, FROM, TO, &error));
  g_assert_no_error (error);
  root = read_back (out);

  s = get_sheet (root, "Cover");
  assert_text (s, "B", find_row (s, "Constitution version"), "None adopted");
  assert_text (s, "B", find_row (s, "AGM held on"), "No AGM in the period");
  assert_formula (root, s, "B", find_row (s, "Members at the end"),
                  "='Membership'!$E$9", 0);
  assert_formula (root, s, "B", find_row (s, "Meetings quorate"),
                  "='Meetings'!$G$5", 0);
  assert_money_formula (s, "B", find_row (s, "Money in"), "='Money'!$B$5", 0);
  s = get_sheet (root, "Checklist");
  assert_text (s, "B", 5, "No");
  assert_text (s, "B", 6, "No");
  assert_text (s, "C", 6,
               "No AGM was held in the period (the constitution "
               "sets no limit, so the usual 15 months between "
               "AGMs is used). Hold one and record it as an AGM.");
  assert_text (s, "B", 9, "No");
  assert_text (s, "B", 10, "—");
  assert_text (s, "B", 11, "—");

  g_clear_object (&store);
  cr_test_remove_tree (dir);
}

/* LibreOffice opens the pack and, recalculating every formula on load,
 * reaches the same cover: the cross-sheet references point where they
 * should. The test fails, never skips, without LibreOffice. */
static void
test_libreoffice (Fixture *f, gconstpointer data)
{
  static const char xcu[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
      "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
      "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\">"
      "<prop oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\"><value>0</value>"
      "</prop></item>\n</oor:items>\n";
  g_autoptr (GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "annual.xlsx", NULL);
  g_autofree char *profile = g_build_filename (f->dir, "lo", NULL);
  g_autofree char *user = g_build_filename (profile, "user", NULL);
  g_autofree char *xcu_path =
      g_build_filename (user, "registrymodifications.xcu", NULL);
  g_autofree char *profile_arg = NULL;
  g_autofree char *csv_path = g_build_filename (f->dir, "annual.csv", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_auto (GStrv) lines = NULL;
  g_autofree char *err = NULL;
  int              status = 0;
  struct
  {
    const char *label;
    const char *value;
  } expected[] = {
    { "Members at the start", "4" },
    { "Joined", "2" },
    { "Left", "2" },
    { "Members at the end", "4" },
    { "Meetings held", "4" },
    { "Meetings quorate", "2" },
    { "Decisions made", "2" },
    { "Actions raised (you said)", "2" },
    { "Of those, done (we did)", "1" },
    { "Money in", "£300.00" },
    { "Money out", "£62.80" },
    { "Held at the end", "£717.20" },
    { "Members meeting a training threshold", "3" },
  };

  if (soffice == NULL)
    g_error ("LibreOffice (soffice) is needed to check the annual return "
             "opens; install libreoffice-calc");

  g_assert_true (cr_report_annual (f->store, out, FROM, TO, &error));
  g_assert_no_error (error);

  g_mkdir_with_parents (user, 0700);
  g_file_set_contents (xcu_path, xcu, -1, &error);
  g_assert_no_error (error);
  profile_arg = g_strdup_printf ("-env:UserInstallation=file://%s", profile);
  {
    const char *argv[] = { soffice,
                           profile_arg,
                           "--headless",
                           "--convert-to",
                           "csv:Text - txt - csv (StarCalc):44,34,76,1",
                           "--outdir",
                           f->dir,
                           out,
                           NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                  NULL, NULL, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_file_get_contents (csv_path, &csv, NULL, &error);
  g_assert_no_error (error);

  /* The first sheet, the cover, with every formula recalculated. */
  lines = g_strsplit (csv, "\n", -1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; lines[j] != NULL && !found; j++)
        {
          g_autofree char *prefix =
              g_strdup_printf ("\"%s\",", expected[i].label);

          /* LibreOffice quotes every text field, and no number. */
          if (g_str_has_prefix (lines[j], prefix))
            {
              g_auto (GStrv) rest =
                  g_strsplit (lines[j] + strlen (prefix), ",", 2);

              g_assert_cmpstr (rest[0], ==, expected[i].value);
              found = TRUE;
            }
        }
      if (!found)
        g_error ("LibreOffice's cover has no “%s”:\n%s", expected[i].label,
                 csv);
    }
}

/* ---- the printed summary ------------------------------------------- */

static void
assert_in (const char *text, const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the summary:\n%s", needle, text);
}

static void
assert_re (const char *text, const char *pattern)
{
  if (!g_regex_match_simple (pattern, text, 0, 0))
    g_error ("/%s/ is not in the summary:\n%s", pattern, text);
}

static void
test_pdf (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "annual.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  int              status = 0;
  const char      *argv[] = { "pdftotext", "-layout", out, "-", NULL };

  g_assert_true (cr_print_annual_to_pdf (f->store, out, FROM, TO, &error));
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &text, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  assert_in (text, "Vale & District TRA");
  assert_in (text, "Annual return · Year 2026");
  assert_re (text, "Version 2, adopted on Sunday 1 February\\s+2026");
  assert_in (text, "Saturday 10 October 2026");
  assert_in (text, "Ann Archer");
  assert_in (text, "Cat Cooper");
  assert_re (text, "Members at the start\\s+4");
  assert_re (text, "Joined\\s+2");
  assert_re (text, "Members at the end\\s+4");
  assert_re (text, "Meetings held\\s+4");
  assert_re (text, "Meetings quorate\\s+2 of 4");
  assert_re (text, "Constitution adopted\\s+Yes");
  assert_re (text, "Meetings quorate\\s+No");
  assert_re (text, "Committee\\s+4\\s+3\\s+1\\s+67%");
  assert_re (text, "Held at the end\\s+£717.20");
  assert_re (text,
             "Community chest\\s+Vale Council\\s+£300.00\\s+£45.50\\s+£254.50");
  assert_re (text, "Bank\\s+£460.00\\s+£300.00\\s+£57.80\\s+£702.20");
  assert_re (text, "Committee\\s+4\\s+50%\\s+3\\s+50%");
}

/* The command line's contract: --year, --from/--to, and clear refusals. */
static void
test_cli (Fixture *f, gconstpointer data)
{
  const char      *cli = g_getenv ("CR_CLI");
  g_autofree char *out = g_build_filename (f->dir, "cli.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "cli.pdf", NULL);
  g_autofree char *err = NULL;
  int              status = 0;

  g_assert_nonnull (cli);
  g_clear_object (&f->store);
  {
    const char *argv[] = { cli,      "--file", f->path,    "export", "annual",
                           "--year", "2026",   "--output", out,      NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                  NULL, NULL, &err, &status, NULL);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  {
    const char *argv[] = { cli,          "--file",   f->path,      "print",
                           "annual",     "--from",   "01/01/2026", "--to",
                           "31/12/2026", "--output", pdf,          NULL };

    g_clear_pointer (&err, g_free);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                  NULL, NULL, &err, &status, NULL);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }
  {
    const char *argv[] = { cli,      "--file", f->path,    "export", "annual",
                           "--year", "twenty", "--output", out,      NULL };

    g_clear_pointer (&err, g_free);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                  NULL, NULL, &err, &status, NULL);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    g_assert_nonnull (strstr (err, "commonroom-cli: “twenty” is not a year"));
  }
  {
    const char *argv[] = { cli,          "--file",   f->path, "export",
                           "annual",     "--year",   "2026",  "--from",
                           "2026-01-01", "--output", out,     NULL };

    g_clear_pointer (&err, g_free);
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                  NULL, NULL, &err, &status, NULL);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("CR_TODAY", "2026-11-25", TRUE);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/annual/store", test_store);
  ADD ("/annual/bad-period", test_bad_period);
  ADD ("/annual/workbook", test_workbook);
  ADD ("/annual/libreoffice", test_libreoffice);
  g_test_add_func ("/annual/empty", test_empty);
  ADD ("/annual/pdf", test_pdf);
  ADD ("/annual/cli", test_cli);
#undef ADD

  return g_test_run ();
}
