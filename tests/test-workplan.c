/* test-workplan.c: work plans, service reviews and what `check` says of
 * them; `export workplan` read back cell by cell and opened in LibreOffice;
 * `print review`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "cr-store-meetings.h"
#include "cr-store-people.h"
#include "cr-store-rules.h"
#include "cr-store-workplan.h"
#include "cr-workplan.h"

#include "cr-test-util.h"

#define TODAY  "2026-11-23"
#define PYTHON "/usr/bin/python3"

typedef struct
{
  char    *dir;
  char    *path;
  CrStore *store;
  gint64   group;
  gint64   ann, bob, cy;
  gint64   meeting;
  char    *out;
  char    *err;
} Fixture;

static gint64
add_person (Fixture *f, const char *given, const char *family)
{
  g_autoptr (CrPerson) person = cr_person_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  cr_person_set_given_name (person, given);
  cr_person_set_family_name (person, family);
  id = cr_store_add_person (f->store, person, &error);
  g_assert_no_error (error);
  cr_store_add_membership (f->store, id, f->group, CR_MEMBERSHIP_VOTING,
                           "2025-01-01", &error);
  g_assert_no_error (error);
  return id;
}

static void
set_rule (Fixture *f, const char *key, const char *value)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (cr_store_set_rule_adopted (f->store, f->group, key, value,
                                            "2026-01-01", &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  CrMeeting meeting = { 0 };

  f->dir = cr_test_make_tmpdir ("cr-workplan-XXXXXX");
  f->path = g_build_filename (f->dir, "test.commonroom", NULL);
  f->store = cr_store_create (f->path, "Meadowbank TRA", &error);
  g_assert_no_error (error);
  f->group = cr_store_add_group (f->store, "Scrutiny Panel",
                                 CR_GROUP_KIND_PANEL, 0, &error);
  g_assert_no_error (error);
  f->ann = add_person (f, "Ann", "Lee");
  f->bob = add_person (f, "Bob", "Kay");
  f->cy = add_person (f, "Cy", "Dee");
  set_rule (f, "lead-max-priorities", "2");
  set_rule (f, "reviews-per-year-max", "3");
  set_rule (f, "request-response-days", "28");
  set_rule (f, "comments-due-days", "14");

  meeting.group_id = f->group;
  meeting.date = (char *) "2026-09-02";
  meeting.status = CR_MEETING_STATUS_HELD;
  f->meeting = cr_store_add_meeting (f->store, &meeting, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  cr_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->out);
  g_free (f->err);
}

/* Runs commonroom-cli with the arguments up to NULL; keeps its output. */
static int
run (Fixture *f, const char *first, ...)
{
  va_list args;
  int     status;

  va_start (args, first);
  status = cr_test_run_cli_va (&f->out, &f->err, f->path, first, args);
  va_end (args);
  return status;
}

static gint64
add_priority (Fixture *f, const char *title, gint64 lead, GError **error)
{
  CrPriority p = { 0 };

  p.group_id = f->group;
  p.year = 2026;
  p.title = (char *) title;
  p.lead_person_id = lead;
  p.staff_contact = (char *) "Housing Officer";
  p.status = CR_PRIORITY_ON_TRACK;
  p.review_on = (char *) "2027-05-01";
  return cr_store_add_priority (f->store, &p, error);
}

static gint64
add_review (Fixture       *f,
            const char    *title,
            CrReviewStatus status,
            GError       **error)
{
  CrReview r = { 0 };

  r.group_id = f->group;
  r.year = 2026;
  r.title = (char *) title;
  r.trigger = CR_TRIGGER_COMPLAINTS;
  r.service_manager = (char *) "Repairs Manager";
  r.status = status;
  return cr_store_add_review (f->store, &r, error);
}

static void
set_stage (Fixture      *f,
           gint64        review,
           CrReviewStage stage,
           const char   *planned,
           const char   *done)
{
  g_autoptr (GError) error = NULL;
  CrStageRecord s = { 0 };

  s.stage = stage;
  s.planned_on = (char *) planned;
  s.done_on = (char *) done;
  g_assert_true (cr_store_set_review_stage (f->store, review, &s, &error));
  g_assert_no_error (error);
}

static gint64
add_request (Fixture      *f,
             gint64        review,
             CrRequestKind kind,
             const char   *sent_on,
             const char   *answered_on)
{
  g_autoptr (GError) error = NULL;
  CrInfoRequest q = { 0 };
  gint64        id;

  q.review_id = review;
  q.kind = kind;
  q.sent_to = (char *) "Repairs Manager";
  q.what = (char *) (kind == CR_REQUEST_COMMENTS ? "Comments on the findings"
                                                 : "Repeat visits by month");
  q.sent_on = (char *) sent_on;
  q.answered_on = (char *) answered_on;
  id = cr_store_add_review_request (f->store, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static guint
count_rule (GPtrArray *items, const char *rule)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    n += g_str_equal (((CrAttentionItem *) items->pdata[i])->rule, rule);
  return n;
}

static const CrAttentionItem *
find_item (GPtrArray *items, const char *rule, const char *in_detail)
{
  for (guint i = 0; i < items->len; i++)
    {
      CrAttentionItem *item = items->pdata[i];

      if (g_str_equal (item->rule, rule) && strstr (item->detail, in_detail))
        return item;
    }
  return NULL;
}

/* The limits of the rules, enforced when adding and editing. */
static void
test_limits (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) reviews = NULL;
  gint64     third, r3;
  CrPriority edit = { 0 };
  CrReview   withdrawn = { 0 };

  g_assert_cmpint (add_priority (f, "Repairs", f->ann, &error), >, 0);
  g_assert_cmpint (add_priority (f, "Complaints", f->ann, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (add_priority (f, "Estates", f->ann, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Ann Lee already leads 2"));
  g_assert_nonnull (strstr (error->message, "lead-max-priorities"));
  g_clear_error (&error);
  /* Blank titles and bad dates are refused with a sentence. */
  g_assert_cmpint (add_priority (f, "  ", f->bob, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  third = add_priority (f, "Estates", f->bob, &error);
  g_assert_no_error (error);
  /* Handing Bob's priority to Ann is refused too, and changes nothing. */
  edit.id = third;
  edit.group_id = f->group;
  edit.year = 2026;
  edit.title = (char *) "Estates and cleaning";
  edit.lead_person_id = f->ann;
  g_assert_false (cr_store_update_priority (f->store, &edit, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  list = cr_store_list_priorities (f->store, f->group, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (((CrPriority *) list->pdata[2])->title, ==, "Estates");
  g_assert_cmpstr (((CrPriority *) list->pdata[2])->lead_name, ==, "Bob Kay");
  g_assert_cmpuint (((CrPriority *) list->pdata[2])->position, ==, 3);

  g_assert_cmpint (add_review (f, "Repairs", CR_REVIEW_PLANNED, &error), >, 0);
  g_assert_cmpint (add_review (f, "Lettings", CR_REVIEW_PLANNED, &error), >, 0);
  r3 = add_review (f, "Complaints", CR_REVIEW_PLANNED, &error);
  g_assert_no_error (error);
  g_assert_cmpint (add_review (f, "Estates", CR_REVIEW_PLANNED, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "reviews-per-year-max"));
  g_clear_error (&error);
  /* Withdrawing one makes room. */
  withdrawn.id = r3;
  withdrawn.group_id = f->group;
  withdrawn.year = 2026;
  withdrawn.title = (char *) "Complaints";
  withdrawn.status = CR_REVIEW_WITHDRAWN;
  g_assert_true (cr_store_update_review (f->store, &withdrawn, &error));
  g_assert_no_error (error);
  g_assert_cmpint (add_review (f, "Estates", CR_REVIEW_PLANNED, &error), >, 0);
  g_assert_no_error (error);
  reviews = cr_store_list_reviews (f->store, f->group, 2026, &error);
  g_assert_cmpuint (reviews->len, ==, 4);
}

/* A review through every stage with dates, its requests and its
 * recommendations, and what check says on the way. */
static void
test_review_through_stages (Fixture *f, gconstpointer data)
{
  static const char *const done[CR_STAGE_N] = {
    "2026-02-02", "2026-02-09", "2026-02-16", "2026-03-16", "2026-03-23",
    "2026-04-06", "2026-04-20", "2026-05-04", "2026-05-11", "2026-06-01",
    "2026-06-12", "2026-06-30", NULL,
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) stages = NULL;
  g_autoptr (GPtrArray) requests = NULL;
  g_autoptr (GPtrArray) recs = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) log = NULL;
  g_autoptr (CrReview) review = NULL;
  gint64        repairs, lettings, late, answered, r1, r2, r3, r4, r5, action;
  CrStageRecord bad = { 0 };
  const CrAttentionItem *item;
  guint                  n_done, n_used;

  repairs = add_review (f, "Repairs", CR_REVIEW_PLANNED, &error);
  g_assert_no_error (error);

  /* Every stage, in order, each planned and done. */
  for (guint i = 0; i < CR_STAGE_N; i++)
    set_stage (f, repairs, i, done[i] ? done[i] : "2026-12-15", done[i]);
  review = cr_store_get_review (f->store, repairs, &error);
  g_assert_no_error (error);
  g_assert_cmpint (review->status, ==, CR_REVIEW_IN_PROGRESS);

  /* A findings report before the desk review is refused, and nothing
   * changes. */
  bad.stage = CR_STAGE_FINDINGS_REPORT;
  bad.planned_on = (char *) "2026-03-01";
  bad.done_on = (char *) "2026-03-01";
  g_assert_false (cr_store_set_review_stage (f->store, repairs, &bad, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "findings report"));
  g_assert_nonnull (strstr (error->message, "01/03/2026"));
  g_clear_error (&error);
  /* A skipped stage can't have been done. */
  bad.stage = CR_STAGE_SHADOWING;
  bad.skipped = TRUE;
  g_assert_false (cr_store_set_review_stage (f->store, repairs, &bad, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  stages = cr_store_list_review_stages (f->store, repairs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stages->len, ==, CR_STAGE_N);
  for (guint i = 0; i < CR_STAGE_N; i++)
    {
      CrStageRecord *s = stages->pdata[i];

      g_assert_cmpint (s->stage, ==, i);
      g_assert_cmpstr (s->done_on, ==, done[i]);
    }
  g_assert_cmpint (cr_review_stages_next (stages), ==,
                   CR_STAGE_IMPACT_ASSESSMENT);
  cr_review_stages_count (stages, &n_done, &n_used);
  g_assert_cmpuint (n_done, ==, 12);
  g_assert_cmpuint (n_used, ==, 13);

  /* Requests: the due date comes from request-response-days. */
  answered = add_request (f, repairs, CR_REQUEST_INFORMATION, "2026-02-16",
                          "2026-03-10");
  late = add_request (f, repairs, CR_REQUEST_INFORMATION, "2026-10-01", NULL);
  requests = cr_store_list_review_requests (f->store, repairs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests->len, ==, 2);
  g_assert_cmpstr (((CrInfoRequest *) requests->pdata[0])->response_due, ==,
                   "2026-03-16");
  g_assert_cmpstr (((CrInfoRequest *) requests->pdata[1])->response_due, ==,
                   "2026-10-29");
  g_assert_cmpint (((CrInfoRequest *) requests->pdata[1])->id, ==, late);
  (void) answered;
  /* An answer before the request was sent is refused. */
  g_assert_false (
      cr_store_answer_review_request (f->store, late, "2026-09-01", &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A second review whose findings went out with no comments back. */
  lettings = add_review (f, "Lettings", CR_REVIEW_PLANNED, &error);
  g_assert_no_error (error);
  set_stage (f, lettings, CR_STAGE_INITIAL_REPORT, "2026-09-01", "2026-09-01");
  set_stage (f, lettings, CR_STAGE_FINDINGS_REPORT, "2026-11-01", "2026-11-02");

  /* Recommendations with every kind of response. */
  r1 = cr_store_add_recommendation (f->store, repairs,
                                    "Offer school-run "
                                    "appointments",
                                    &error);
  r2 = cr_store_add_recommendation (f->store, repairs, "Text when on the way",
                                    &error);
  r3 = cr_store_add_recommendation (f->store, repairs, "A second call centre",
                                    &error);
  r4 = cr_store_add_recommendation (f->store, repairs, "Train all operatives",
                                    &error);
  r5 = cr_store_add_recommendation (f->store, repairs, "Publish figures",
                                    &error);
  g_assert_no_error (error);
  g_assert_true (
      cr_store_respond_recommendation (f->store, r1, CR_RESPONSE_ACCEPTED, NULL,
                                       "2026-06-12", "2027-06-01", &error));
  g_assert_true (
      cr_store_respond_recommendation (f->store, r2, CR_RESPONSE_ACCEPTED, NULL,
                                       "2026-06-12", "2027-01-10", &error));
  g_assert_no_error (error);
  /* Rejected needs a reason, and nothing is saved without one. */
  g_assert_false (cr_store_respond_recommendation (
      f->store, r3, CR_RESPONSE_REJECTED, " ", "2026-06-12", NULL, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "why"));
  g_clear_error (&error);
  g_assert_true (cr_store_respond_recommendation (
      f->store, r3, CR_RESPONSE_REJECTED, "The contact centre covers it",
      "2026-06-12", NULL, &error));
  g_assert_true (cr_store_respond_recommendation (
      f->store, r4, CR_RESPONSE_PARTLY, "Front-line staff first", "2026-06-12",
      "2026-11-10", &error));
  g_assert_true (
      cr_store_respond_recommendation (f->store, r5, CR_RESPONSE_ACCEPTED, NULL,
                                       "2026-06-12", "2026-12-10", &error));
  g_assert_no_error (error);
  /* A rejected one gets no action. */
  g_assert_cmpint (cr_store_add_recommendation_action (f->store, r3, f->meeting,
                                                       NULL, NULL, &error),
                   ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (
      cr_store_find_meeting_for_review (f->store, repairs, TODAY, &error), ==,
      f->meeting);
  action = cr_store_add_recommendation_action (
      f->store, r1, f->meeting, "Repairs Manager", "2026-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpint (action, >, 0);
  g_assert_cmpint (cr_store_add_recommendation_action (f->store, r4, f->meeting,
                                                       NULL, NULL, &error),
                   >, 0);
  g_assert_cmpint (cr_store_add_recommendation_action (f->store, r5, f->meeting,
                                                       NULL, NULL, &error),
                   >, 0);
  g_assert_no_error (error);
  /* A second action for the same one is refused. */
  g_assert_cmpint (cr_store_add_recommendation_action (f->store, r1, f->meeting,
                                                       NULL, NULL, &error),
                   ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  /* The actions feed "You said, we did". */
  log = cr_store_list_action_log (f->store, CR_ACTIONS_ALL, f->group, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpstr (((CrAction *) log->pdata[0])->description, ==,
                   "Repairs review: Offer school-run appointments");

  recs = cr_store_list_recommendations (f->store, repairs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recs->len, ==, 5);
  g_assert_cmpint (((CrRecommendation *) recs->pdata[0])->action_id, ==,
                   action);
  g_assert_cmpstr (((CrRecommendation *) recs->pdata[0])->action_status, ==,
                   "open");
  g_assert_cmpint (((CrRecommendation *) recs->pdata[2])->response, ==,
                   CR_RESPONSE_REJECTED);

  /* What check reports today. */
  items = cr_store_check (f->store, 0, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rule (items, "request-overdue"), ==, 2);
  item = find_item (items, "request-overdue", "Repeat visits by month");
  g_assert_nonnull (item);
  g_assert_cmpstr (item->date, ==, "2026-10-29");
  g_assert_cmpstr (item->subject, ==, "Review: Repairs");
  g_assert_nonnull (strstr (item->detail, "29/10/2026"));
  item = find_item (items, "request-overdue", "findings report");
  g_assert_nonnull (item);
  g_assert_cmpstr (item->subject, ==, "Review: Lettings");
  g_assert_cmpstr (item->date, ==, "2026-11-16");
  /* r2 accepted with no action; r4's impact late, r5's coming due; r1's
   * far off; r3 rejected. */
  g_assert_cmpuint (count_rule (items, "recommendation-action"), ==, 1);
  g_assert_nonnull (
      find_item (items, "recommendation-action", "Text when on the way"));
  g_assert_cmpuint (count_rule (items, "impact-due"), ==, 2);
  item = find_item (items, "impact-due", "Train all operatives");
  g_assert_nonnull (item);
  g_assert_nonnull (strstr (item->detail, "has not been"));
  item = find_item (items, "impact-due", "Publish figures");
  g_assert_nonnull (item);
  g_assert_cmpstr (item->date, ==, "2026-12-10");

  /* A month earlier the request was not yet late, nor the comments. */
  before = cr_store_check (f->store, 0, "2026-10-20", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rule (before, "request-overdue"), ==, 0);

  /* The manager wrote to the chair with another deadline: no longer
   * overdue. A deadline before the request was sent is refused. */
  g_assert_false (
      cr_store_set_review_request_due (f->store, late, "2026-09-01", &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (
      cr_store_set_review_request_due (f->store, late, "2026-12-01", &error));
  g_assert_no_error (error);
  g_clear_pointer (&before, g_ptr_array_unref);
  before = cr_store_check (f->store, 0, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rule (before, "request-overdue"), ==, 1);
  g_assert_null (find_item (before, "request-overdue", "Repeat visits"));

  /* Answers and comments clear them; an impact assessment done clears
   * its item. */
  g_clear_pointer (&items, g_ptr_array_unref);
  g_assert_true (
      cr_store_answer_review_request (f->store, late, "2026-11-20", &error));
  add_request (f, lettings, CR_REQUEST_COMMENTS, "2026-11-02", "2026-11-12");
  g_assert_true (cr_store_set_recommendation_impact (
      f->store, r4, "2026-11-20", "Fewer repeat visits", &error));
  g_assert_no_error (error);
  items = cr_store_check (f->store, f->group, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rule (items, "request-overdue"), ==, 0);
  g_assert_cmpuint (count_rule (items, "impact-due"), ==, 1);

  /* `check --format json` carries them for scripts. */
  g_assert_cmpint (
      run (f, "check", "--on", "2026-11-23", "--format", "json", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "\"recommendation-action\""));
  g_assert_nonnull (strstr (f->out, "\"impact-due\""));
}

/* A tightened rule shows up in check. */
static void
test_check_limits (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;

  add_priority (f, "One", f->cy, &error);
  add_priority (f, "Two", f->cy, &error);
  g_assert_no_error (error);
  g_assert_true (cr_store_set_rule_adopted (
      f->store, f->group, "lead-max-priorities", "1", "2026-06-01", &error));
  g_assert_no_error (error);
  items = cr_store_check (f->store, 0, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rule (items, "lead-max-priorities"), ==, 1);
  g_assert_nonnull (find_item (items, "lead-max-priorities", "Cy Dee leads 2"));
}

/* ---- the workbook ------------------------------------------------------ */

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

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("No " PYTHON " to read the workbook back with openpyxl");
      return NULL;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                &err, &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip ("openpyxl is missing");
      return NULL;
    }
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("read-xlsx.py failed: %s\n%s", error->message, err);
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
get_cell (JsonObject *sheet, const char *ref)
{
  JsonObject *cells = json_object_get_object_member (sheet, "cells");

  if (!json_object_has_member (cells, ref))
    g_error ("%s is empty", ref);
  return json_object_get_object_member (cells, ref);
}

static void
assert_text (JsonObject *sheet, const char *ref, const char *text)
{
  JsonObject *cell = get_cell (sheet, ref);

  g_assert_cmpstr (json_object_get_string_member (cell, "type"), ==, "s");
  g_assert_cmpstr (json_object_get_string_member (cell, "value"), ==, text);
}

static void
assert_date (JsonObject *sheet, const char *ref, const char *iso)
{
  JsonObject      *cell = get_cell (sheet, ref);
  g_autofree char *want = g_strconcat (iso, "T00:00:00", NULL);

  g_assert_true (json_object_get_boolean_member (cell, "is_date"));
  g_assert_cmpstr (json_object_get_string_member (cell, "value"), ==, want);
}

static void
assert_number (JsonObject *sheet, const char *ref, gint64 value)
{
  JsonObject *cell = get_cell (sheet, ref);

  g_assert_cmpstr (json_object_get_string_member (cell, "type"), ==, "n");
  g_assert_cmpint (json_object_get_int_member (cell, "value"), ==, value);
}

static void
assert_formula (JsonObject *sheet,
                const char *ref,
                const char *formula,
                gint64      cached)
{
  JsonObject *cell = get_cell (sheet, ref);

  g_assert_cmpstr (json_object_get_string_member (cell, "value"), ==, formula);
  g_assert_cmpint (json_object_get_int_member (cell, "cached"), ==, cached);
}

/* Makes a small plan: two priorities, a review part way with one overdue
 * request and three recommendations. */
static gint64
make_plan (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  gint64 review, r1, r2;

  add_priority (f, "Repairs", f->ann, &error);
  add_priority (f, "=Estates", f->bob, &error);
  g_assert_no_error (error);
  review = add_review (f, "Repairs", CR_REVIEW_PLANNED, &error);
  g_assert_no_error (error);
  set_stage (f, review, CR_STAGE_INITIAL_REPORT, "2026-02-01", "2026-02-02");
  set_stage (f, review, CR_STAGE_DESK_REVIEW, "2026-03-01", NULL);
  add_request (f, review, CR_REQUEST_INFORMATION, "2026-02-16", "2026-03-10");
  add_request (f, review, CR_REQUEST_INFORMATION, "2026-10-01", NULL);
  r1 = cr_store_add_recommendation (f->store, review,
                                    "Offer school-run "
                                    "appointments",
                                    &error);
  r2 = cr_store_add_recommendation (f->store, review, "A second call centre",
                                    &error);
  cr_store_add_recommendation (f->store, review, "Publish figures", &error);
  g_assert_no_error (error);
  cr_store_respond_recommendation (f->store, r1, CR_RESPONSE_ACCEPTED, NULL,
                                   "2026-06-12", "2027-06-01", &error);
  cr_store_respond_recommendation (f->store, r2, CR_RESPONSE_REJECTED,
                                   "The contact centre covers it", "2026-06-12",
                                   NULL, &error);
  g_assert_no_error (error);
  cr_store_add_recommendation_action (f->store, r1, f->meeting,
                                      "Repairs "
                                      "Manager",
                                      "2026-12-31", &error);
  g_assert_no_error (error);
  return review;
}

static void
test_export (Fixture *f, gconstpointer data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "plan.xlsx", NULL);
  g_autoptr (JsonNode) root = NULL;
  JsonObject *sheet;
  JsonArray  *names;

  make_plan (f);
  g_assert_cmpint (run (f, "export", "workplan", "--output", xlsx, "--group",
                        "Scrutiny Panel", "--on", "23/11/2026", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (f->out, "plan.xlsx"));
  /* Bad usage and unknown groups get their own messages. */
  g_assert_cmpint (run (f, "export", "workplan", NULL), ==, 2);
  g_assert_cmpint (run (f, "export", "workplan", "--output", xlsx, "--group",
                        "Nobody", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (f->err, "commonroom-cli: There is no group"));

  root = read_back (xlsx);
  if (root == NULL)
    return;
  names =
      json_object_get_array_member (json_node_get_object (root), "sheet_names");
  g_assert_cmpuint (json_array_get_length (names), ==, 6);
  g_assert_cmpstr (json_array_get_string_element (names, 0), ==, "Priorities");
  g_assert_cmpstr (json_array_get_string_element (names, 4), ==,
                   "Recommendations");
  g_assert_cmpstr (json_array_get_string_element (names, 5), ==, "About");

  sheet = get_sheet (root, "Priorities");
  assert_text (sheet, "A1", "Scrutiny Panel: work plan and service reviews");
  assert_text (sheet, "A4", "Group");
  assert_text (sheet, "D4", "Priority");
  g_assert_cmpstr (json_object_get_string_member (sheet, "freeze_panes"), ==,
                   "A5");
  assert_text (sheet, "A5", "Scrutiny Panel");
  assert_number (sheet, "B5", 2026);
  assert_number (sheet, "C5", 1);
  assert_text (sheet, "D5", "Repairs");
  assert_text (sheet, "E5", "Ann Lee");
  assert_text (sheet, "H5", "On track");
  assert_date (sheet, "I5", "2027-05-01");
  /* Text that looks like a formula stays text. */
  assert_text (sheet, "D6", "=Estates");
  assert_text (sheet, "E6", "Bob Kay");

  sheet = get_sheet (root, "Reviews");
  assert_text (sheet, "C5", "Repairs");
  assert_text (sheet, "D5", "Complaints");
  assert_text (sheet, "H5", "In progress");
  assert_number (sheet, "I5", 1);
  assert_number (sheet, "J5", 13);
  assert_text (sheet, "K5", "Letter of intent");
  assert_formula (sheet, "I6", "=SUM(I5)", 1);

  sheet = get_sheet (root, "Stages");
  assert_text (sheet, "C5", "Initial report");
  assert_date (sheet, "D5", "2026-02-01");
  assert_date (sheet, "E5", "2026-02-02");
  assert_text (sheet, "F5", "Done");
  assert_text (sheet, "C8", "Desk review");
  assert_text (sheet, "F8", "Late");
  assert_text (sheet, "F6", "Not planned");
  assert_text (sheet, "C17", "Impact assessment");

  sheet = get_sheet (root, "Requests");
  assert_date (sheet, "F5", "2026-03-16");
  assert_date (sheet, "G5", "2026-03-10");
  assert_text (sheet, "H5", "Answered");
  assert_date (sheet, "F6", "2026-10-29");
  assert_text (sheet, "H6", "Overdue");
  assert_text (sheet, "A7", "Overdue");
  assert_formula (sheet, "H7", "=COUNTIF(H5:H6,\"Overdue\")", 1);

  sheet = get_sheet (root, "Recommendations");
  assert_text (sheet, "C5", "Offer school-run appointments");
  assert_text (sheet, "D5", "Accepted");
  assert_text (sheet, "G5", "Repairs review: Offer school-run appointments");
  assert_text (sheet, "H5", "Repairs Manager");
  assert_date (sheet, "I5", "2026-12-31");
  assert_text (sheet, "J5", "Open");
  assert_date (sheet, "K5", "2027-06-01");
  assert_text (sheet, "D6", "Rejected");
  assert_text (sheet, "E6", "The contact centre covers it");
  assert_text (sheet, "D7", "Awaiting response");
  assert_text (sheet, "M7", "Awaiting response");
  assert_text (sheet, "A8", "Accepted");
  assert_formula (sheet, "D8", "=COUNTIF(D5:D7,\"Accepted\")", 1);
}

/* LibreOffice opens the workbook, recalculates it and gets the same. */
static void
test_export_libreoffice (Fixture *f, gconstpointer data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "plan.xlsx", NULL);
  g_autofree char *profile = g_build_filename (f->dir, "lo-profile", NULL);
  g_autofree char *user = g_build_filename (profile, "user", NULL);
  g_autofree char *xcu =
      g_build_filename (user, "registrymodifications.xcu", NULL);
  g_autofree char *profile_url = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env =
      g_strconcat ("-env:UserInstallation=", profile_url, NULL);
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *csv = g_build_filename (f->dir, "plan.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed");
      return;
    }
  make_plan (f);
  g_assert_cmpint (run (f, "export", "workplan", "--output", xlsx, "--on",
                        "2026-11-23", NULL),
                   ==, 0);

  /* Recalculate on load, so the totals are LibreOffice's own sums. */
  g_assert_cmpint (g_mkdir_with_parents (user, 0700), ==, 0);
  g_assert_true (g_file_set_contents (
      xcu,
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
      "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
      "<item oor:path=\"/org.openoffice.Office.Calc/Formula/Load\">"
      "<prop oor:name=\"OOXMLRecalcMode\" oor:op=\"fuse\"><value>0</value>"
      "</prop></item>\n</oor:items>\n",
      -1, &error));
  {
    /* The Requests sheet (the fourth) as CSV. */
    const char *argv[] = {
      soffice,
      env,
      "--headless",
      "--convert-to",
      "csv:Text - txt - csv "
      "(StarCalc):44,34,76,1,,0,false,true,false,false,false,4",
      "--outdir",
      f->dir,
      xlsx,
      NULL
    };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                  &err, &status, &error);
    g_assert_no_error (error);
  }
  if (!g_file_test (csv, G_FILE_TEST_EXISTS))
    {
      g_autofree char *sheet_csv =
          g_build_filename (f->dir, "plan-Requests.csv", NULL);

      if (!g_file_test (sheet_csv, G_FILE_TEST_EXISTS))
        g_error ("LibreOffice wrote no CSV: %s %s", out, err);
      g_free (csv);
      csv = g_steal_pointer (&sheet_csv);
    }
  g_assert_true (g_file_get_contents (csv, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Repeat visits by month"));
  /* The due date as a real date, shown in the profile's locale. */
  g_assert_true (strstr (text, "29/10/2026") != NULL ||
                 strstr (text, "10/29/2026") != NULL);
  /* The count of overdue requests, recalculated by LibreOffice. */
  g_assert_nonnull (strstr (text, "Overdue,,,,,,,1"));
}

static void
test_print (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "review.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *id = NULL;
  gsize            length;

  id = g_strdup_printf ("%" G_GINT64_FORMAT, make_plan (f));
  g_assert_cmpint (
      run (f, "print", "review", "--review", id, "--output", pdf, NULL), ==, 0);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpint (
      run (f, "print", "review", "--review", "999", "--output", pdf, NULL), ==,
      1);
  g_assert_nonnull (strstr (f->err, "There is no review number 999"));
  g_assert_cmpint (run (f, "print", "review", "--output", pdf, NULL), ==, 2);
  g_assert_cmpint (run (f, "workplan", "--help", NULL), ==, 0);
  g_assert_cmpint (run (f, "workplan", "list", "--help", NULL), ==, 0);
  g_assert_cmpint (run (f, "export", "workplan", "--help", NULL), ==, 0);
  g_assert_cmpint (run (f, "print", "review", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "--review"));
  g_assert_cmpint (run (f, "workplan", "list", NULL), ==, 0);
  g_assert_nonnull (
      strstr (f->out, "review\t1\tScrutiny Panel\t2026\tRepairs"));
}

static gint64
add_meeting (Fixture *f, gint64 group, const char *date, CrMeetingStatus status)
{
  g_autoptr (GError) error = NULL;
  CrMeeting meeting = { 0 };
  gint64    id;

  meeting.group_id = group;
  meeting.date = (char *) date;
  meeting.status = status;
  id = cr_store_add_meeting (f->store, &meeting, &error);
  g_assert_no_error (error);
  return id;
}

static guint
count_actions (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) log =
      cr_store_list_action_log (f->store, CR_ACTIONS_ALL, 0, &error);

  g_assert_no_error (error);
  return log->len;
}

/* Deleting takes the panel's record away in one transaction and numbers
 * the recommendations again; an action a meeting agreed stays in the log. */
static void
test_delete (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) recs = NULL;
  g_autoptr (GPtrArray) requests = NULL;
  g_autoptr (GPtrArray) stages = NULL;
  g_autoptr (GPtrArray) reviews = NULL;
  g_autoptr (CrRecommendation) first = NULL;
  g_autoptr (CrInfoRequest) request = NULL;
  g_autofree char *said = NULL;
  CrReviewContents contents;
  gint64           review = make_plan (f);
  gint64           r1, r2, r3;

  g_assert_true (
      cr_store_count_review_contents (f->store, review, &contents, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (contents.stages, ==, 2);
  g_assert_cmpuint (contents.requests, ==, 2);
  g_assert_cmpuint (contents.recommendations, ==, 3);
  g_assert_cmpuint (contents.actions, ==, 1);
  said = cr_review_describe_delete ("Repairs", &contents);
  g_assert_cmpstr (said, ==,
                   "The review “Repairs” goes, with 2 stages recorded, 2 "
                   "requests to managers and 3 recommendations. The 1 action "
                   "a meeting agreed for its recommendations stays in that "
                   "meeting’s action log and in “You said, we did”.");

  recs = cr_store_list_recommendations (f->store, review, &error);
  r1 = ((CrRecommendation *) recs->pdata[0])->id;
  r2 = ((CrRecommendation *) recs->pdata[1])->id;
  r3 = ((CrRecommendation *) recs->pdata[2])->id;
  g_clear_pointer (&recs, g_ptr_array_unref);

  /* The middle one goes; the last becomes number 2. */
  g_assert_true (cr_store_delete_recommendation (f->store, r2, &error));
  g_assert_no_error (error);
  recs = cr_store_list_recommendations (f->store, review, &error);
  g_assert_cmpuint (recs->len, ==, 2);
  g_assert_cmpint (((CrRecommendation *) recs->pdata[0])->id, ==, r1);
  g_assert_cmpuint (((CrRecommendation *) recs->pdata[0])->position, ==, 1);
  g_assert_cmpint (((CrRecommendation *) recs->pdata[1])->id, ==, r3);
  g_assert_cmpuint (((CrRecommendation *) recs->pdata[1])->position, ==, 2);
  g_clear_pointer (&recs, g_ptr_array_unref);
  g_assert_false (cr_store_delete_recommendation (f->store, r2, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The one with an action: the action stays in "You said, we did". */
  first = cr_store_get_recommendation (f->store, r1, &error);
  g_assert_no_error (error);
  said = (g_free (said), cr_recommendation_describe_delete (first));
  g_assert_nonnull (strstr (said, "stays in the action log"));
  g_assert_cmpuint (count_actions (f), ==, 1);
  g_assert_true (cr_store_delete_recommendation (f->store, r1, &error));
  g_assert_cmpuint (count_actions (f), ==, 1);
  recs = cr_store_list_recommendations (f->store, review, &error);
  g_assert_cmpuint (recs->len, ==, 1);
  g_assert_cmpuint (((CrRecommendation *) recs->pdata[0])->position, ==, 1);
  g_clear_pointer (&recs, g_ptr_array_unref);

  requests = cr_store_list_review_requests (f->store, review, &error);
  request = cr_store_get_review_request (
      f->store, ((CrInfoRequest *) requests->pdata[1])->id, &error);
  g_assert_no_error (error);
  said = (g_free (said), cr_info_request_describe_delete (request));
  g_assert_nonnull (strstr (said, "not answered yet"));
  g_assert_true (
      cr_store_delete_review_request (f->store, request->id, &error));
  g_assert_false (
      cr_store_delete_review_request (f->store, request->id, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&requests, g_ptr_array_unref);
  requests = cr_store_list_review_requests (f->store, review, &error);
  g_assert_cmpuint (requests->len, ==, 1);
  g_clear_pointer (&requests, g_ptr_array_unref);

  /* A file open for reading refuses, and nothing changes. */
  {
    g_autoptr (CrStore) reader =
        cr_store_open (f->path, CR_STORE_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    g_assert_false (cr_store_delete_review (reader, review, &error));
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
  }

  /* The review goes with everything of its own, all at once. */
  g_assert_true (cr_store_delete_review (f->store, review, &error));
  g_assert_no_error (error);
  reviews = cr_store_list_reviews (f->store, 0, 0, &error);
  g_assert_cmpuint (reviews->len, ==, 0);
  requests = cr_store_list_review_requests (f->store, review, &error);
  g_assert_cmpuint (requests->len, ==, 0);
  recs = cr_store_list_recommendations (f->store, review, &error);
  g_assert_cmpuint (recs->len, ==, 0);
  stages = cr_store_list_review_stages (f->store, review, &error);
  g_assert_cmpuint (stages->len, ==, CR_STAGE_N);
  g_assert_null (((CrStageRecord *) stages->pdata[0])->done_on);
  g_assert_cmpuint (count_actions (f), ==, 1);
  g_assert_false (cr_store_delete_review (f->store, review, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Nothing was left half done: the next edit saves. */
  g_assert_cmpint (add_review (f, "Lettings", CR_REVIEW_PLANNED, &error), >, 0);
  g_assert_no_error (error);
}

/* The meeting that agreed a recommendation's action is chosen: the
 * group's latest by default, any other of its meetings not cancelled. */
static void
test_action_meeting (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) actions = NULL;
  g_autofree char *rec_id = NULL;
  gint64           review, rec, later, cancelled, other_group, elsewhere;

  review = add_review (f, "Repairs", CR_REVIEW_IN_PROGRESS, &error);
  rec = cr_store_add_recommendation (f->store, review, "Text when on the way",
                                     &error);
  g_assert_true (cr_store_respond_recommendation (
      f->store, rec, CR_RESPONSE_ACCEPTED, NULL, "2026-10-01", NULL, &error));
  g_assert_no_error (error);
  later = add_meeting (f, f->group, "2026-10-07", CR_MEETING_STATUS_HELD);
  cancelled =
      add_meeting (f, f->group, "2026-11-04", CR_MEETING_STATUS_CANCELLED);
  other_group = cr_store_add_group (f->store, "Garden Club",
                                    CR_GROUP_KIND_WORKING_GROUP, 0, &error);
  g_assert_no_error (error);
  elsewhere =
      add_meeting (f, other_group, "2026-11-10", CR_MEETING_STATUS_HELD);

  g_assert_true (
      cr_store_list_review_meetings (f->store, review, ids, labels, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, later);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, f->meeting);
  g_assert_true (g_str_has_prefix (labels->pdata[0], "07/10/2026 "));

  /* Another group's meeting, or a cancelled one, is refused; nothing is
   * added to the log. */
  g_assert_cmpint (cr_store_add_recommendation_action (f->store, rec, elsewhere,
                                                       NULL, NULL, &error),
                   ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cr_store_add_recommendation_action (f->store, rec, cancelled,
                                                       NULL, NULL, &error),
                   ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_actions (f), ==, 0);

  /* The CLI (the file let go, for it to write): an unknown meeting is
   * refused; with none, the latest. */
  g_clear_object (&f->store);
  rec_id = g_strdup_printf ("%" G_GINT64_FORMAT, rec);
  g_assert_cmpint (run (f, "workplan", "recommendation", "action", rec_id,
                        "--meeting", "9999", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (f->err, "commonroom-cli: Meeting 9999 is not"));
  g_assert_cmpint (run (f, "workplan", "recommendation", "action", rec_id,
                        "--meeting", "soon", NULL),
                   ==, 2);
  g_assert_cmpint (run (f, "workplan", "recommendation", "action", rec_id,
                        "--owner", "Repairs Manager", "--due", "31/12/2026",
                        NULL),
                   ==, 0);
  f->store = cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  actions = cr_store_list_actions (f->store, later, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpstr (((CrAction *) actions->pdata[0])->due_date, ==,
                   "2026-12-31");
  g_clear_pointer (&actions, g_ptr_array_unref);
  g_clear_object (&f->store);
  g_assert_cmpint (
      run (f, "workplan", "recommendation", "action", rec_id, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "already has its action"));
}

/* workplan list --review, and deleting from the command line. */
static void
test_delete_cli (Fixture *f, gconstpointer data)
{
  static const char *const verbs[][3] = {
    { "review", "delete", NULL },
    { "request", "delete", NULL },
    { "recommendation", "delete", NULL },
    { "recommendation", "action", NULL },
    { "review", NULL, NULL },
    { "recommendation", NULL, NULL },
  };
  gint64           review = make_plan (f);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, review);
  g_autoptr (GError) error = NULL;

  /* The command line writes the file: let it go. */
  g_clear_object (&f->store);

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      if (verbs[i][1] != NULL)
        g_assert_cmpint (
            run (f, "workplan", verbs[i][0], verbs[i][1], "--help", NULL), ==,
            0);
      else
        g_assert_cmpint (run (f, "workplan", verbs[i][0], "--help", NULL), ==,
                         0);
      g_assert_nonnull (strstr (f->out, "Usage:"));
    }

  g_assert_cmpint (run (f, "workplan", "list", "--review", id, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "request\t1\t1\tinformation\tRepairs "
                                    "Manager\tRepeat visits by month\t"
                                    "2026-02-16\t2026-03-10\n"));
  g_assert_nonnull (strstr (f->out, "recommendation\t1\t1\t1\tOffer school-run "
                                    "appointments\taccepted\topen\n"));
  g_assert_nonnull (strstr (f->out, "recommendation\t3\t1\t3\tPublish "
                                    "figures\t\t\n"));
  g_assert_cmpint (run (f, "workplan", "list", "--review", "99", NULL), ==, 1);

  g_assert_cmpint (run (f, "workplan", "request", "delete", "x", NULL), ==, 2);
  g_assert_cmpint (run (f, "workplan", "request", "delete", NULL), ==, 2);
  g_assert_cmpint (run (f, "workplan", "request", "delete", "2", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Deleted. The request to Repairs Manager"));
  g_assert_cmpint (run (f, "workplan", "recommendation", "delete", "2", NULL),
                   ==, 0);
  g_assert_cmpint (run (f, "workplan", "list", "--review", id, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "recommendation\t3\t1\t2\tPublish "));
  g_assert_null (strstr (f->out, "request\t2\t"));

  g_assert_cmpint (run (f, "workplan", "review", "delete", "99", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "There is no review number 99."));
  g_assert_cmpint (run (f, "workplan", "review", "delete", id, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==,
                   "Deleted. The review “Repairs” goes, with 2 stages "
                   "recorded, 1 request to managers and 2 recommendations. "
                   "The 1 action a meeting agreed for its recommendations "
                   "stays in that meeting’s action log and in “You said, we "
                   "did”.\n");
  g_assert_cmpint (run (f, "workplan", "list", NULL), ==, 0);
  g_assert_null (strstr (f->out, "review\t"));
  f->store = cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_actions (f), ==, 1);
}

/* The core's arithmetic, without a file. */
static void
test_core (void)
{
  CrInfoRequest    q = { 0 };
  CrRecommendation rec = { 0 };
  g_autofree char *due = cr_workplan_add_days ("2026-02-16", 28);
  CrReviewStage    stage;

  g_assert_cmpstr (due, ==, "2026-03-16");
  q.response_due = (char *) "2026-03-16";
  g_assert_false (cr_info_request_is_overdue (&q, "2026-03-16"));
  g_assert_true (cr_info_request_is_overdue (&q, "2026-03-17"));
  q.answered_on = (char *) "2026-03-20";
  g_assert_true (cr_info_request_is_overdue (&q, "2026-03-18"));
  g_assert_false (cr_info_request_is_overdue (&q, "2026-03-20"));

  g_assert_cmpint (cr_recommendation_follow_up (&rec, "2026-01-01"), ==,
                   CR_FOLLOW_UP_RESPONSE);
  rec.response = CR_RESPONSE_REJECTED;
  g_assert_cmpint (cr_recommendation_follow_up (&rec, "2026-01-01"), ==,
                   CR_FOLLOW_UP_NONE);
  rec.response = CR_RESPONSE_PARTLY;
  g_assert_cmpint (cr_recommendation_follow_up (&rec, "2026-01-01"), ==,
                   CR_FOLLOW_UP_ACTION);
  rec.action_id = 4;
  rec.impact_due = (char *) "2026-01-29";
  g_assert_cmpint (cr_recommendation_follow_up (&rec, "2026-01-01"), ==,
                   CR_FOLLOW_UP_IMPACT_SOON);
  g_assert_cmpint (cr_recommendation_follow_up (&rec, "2025-12-01"), ==,
                   CR_FOLLOW_UP_NONE);
  g_assert_cmpint (cr_recommendation_follow_up (&rec, "2026-01-30"), ==,
                   CR_FOLLOW_UP_IMPACT_LATE);

  g_assert_true (cr_review_stage_from_string ("mystery-shopping", &stage));
  g_assert_cmpint (stage, ==, CR_STAGE_MYSTERY_SHOPPING);
  g_assert_false (cr_review_stage_from_string ("tea", &stage));
  g_assert_cmpuint (cr_review_stage_get_phase (CR_STAGE_SURVEYS), ==,
                    cr_review_stage_get_phase (CR_STAGE_SHADOWING));
  g_assert_cmpuint (cr_review_stage_get_phase (CR_STAGE_SIGN_OFF), >,
                    cr_review_stage_get_phase (CR_STAGE_FINDINGS_REPORT));
}

/* ---- report: the period line (added by the "report" engineer) ----- */

/* Every sheet of the work plan says the day it stands as at, in row 2,
 * as every report of the house format does. */
static void
test_export_period (Fixture *f, gconstpointer data)
{
  g_autofree char *xlsx = g_build_filename (f->dir, "period.xlsx", NULL);
  g_autoptr (JsonNode) root = NULL;
  JsonArray *names;

  make_plan (f);
  g_assert_cmpint (run (f, "export", "workplan", "--output", xlsx, "--on",
                        "23/11/2026", NULL),
                   ==, 0);
  root = read_back (xlsx);
  if (root == NULL)
    return;
  names =
      json_object_get_array_member (json_node_get_object (root), "sheet_names");
  for (guint i = 0; i + 1 < json_array_get_length (names); i++)
    assert_text (get_sheet (root, json_array_get_string_element (names, i)),
                 "A2", "As at 23/11/2026");
}

int
main (int argc, char **argv)
{
  g_setenv ("CR_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workplan/core", test_core);
  g_test_add ("/workplan/limits", Fixture, NULL, fixture_set_up, test_limits,
              fixture_tear_down);
  g_test_add ("/workplan/review-through-stages", Fixture, NULL, fixture_set_up,
              test_review_through_stages, fixture_tear_down);
  g_test_add ("/workplan/check-limits", Fixture, NULL, fixture_set_up,
              test_check_limits, fixture_tear_down);
  g_test_add ("/workplan/export", Fixture, NULL, fixture_set_up, test_export,
              fixture_tear_down);
  g_test_add ("/workplan/export-period", Fixture, NULL, fixture_set_up,
              test_export_period, fixture_tear_down);
  g_test_add ("/workplan/export-libreoffice", Fixture, NULL, fixture_set_up,
              test_export_libreoffice, fixture_tear_down);
  g_test_add ("/workplan/print", Fixture, NULL, fixture_set_up, test_print,
              fixture_tear_down);
  g_test_add ("/workplan/delete", Fixture, NULL, fixture_set_up, test_delete,
              fixture_tear_down);
  g_test_add ("/workplan/action-meeting", Fixture, NULL, fixture_set_up,
              test_action_meeting, fixture_tear_down);
  g_test_add ("/workplan/delete-cli", Fixture, NULL, fixture_set_up,
              test_delete_cli, fixture_tear_down);

  return g_test_run ();
}
