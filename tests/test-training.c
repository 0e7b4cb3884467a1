/* test-training.c: completion of the core programme, thresholds and
 * expiry, a course that stops being core, and a person who leaves and
 * rejoins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-training.h"

static void
add_record (GPtrArray       *records,
            gint64           course_id,
            const char      *date,
            CrTrainingStatus status)
{
  CrTrainingRecord *r = g_new0 (CrTrainingRecord, 1);

  r->course_id = course_id;
  r->date = g_strdup (date);
  r->status = status;
  g_ptr_array_add (records, r);
}

static GPtrArray *
new_records (void)
{
  return g_ptr_array_new_with_free_func (
      (GDestroyNotify) cr_training_record_free);
}

static void
add_core (GArray *core, gint64 course_id, guint validity)
{
  CrCoreCourse c = { course_id, validity };

  g_array_append_val (core, c);
}

static void
test_expiry (void)
{
  g_autofree char *a = cr_training_expiry ("2025-01-31", 1);
  g_autofree char *b = cr_training_expiry ("2024-03-15", 36);
  g_autofree char *c = cr_training_expiry ("2024-03-15", 0);

  /* The last day of a shorter month, not a day that doesn't exist. */
  g_assert_cmpstr (a, ==, "2025-02-28");
  g_assert_cmpstr (b, ==, "2027-03-15");
  g_assert_null (c);
}

static void
test_state (void)
{
  g_autoptr (GPtrArray) records = new_records ();
  const CrTrainingRecord *latest = NULL;

  /* First aid, valid 36 months, done 15/03/2024: expires 15/03/2027. */
  add_record (records, 1, "2024-03-15", CR_TRAINING_COMPLETED);
  add_record (records, 2, "2026-01-10", CR_TRAINING_BOOKED);
  add_record (records, 3, "2026-01-10", CR_TRAINING_ATTENDED);

  g_assert_cmpint (
      cr_training_course_state (records, 1, 36, "2024-03-14", NULL), ==,
      CR_COURSE_NOT_DONE);
  g_assert_cmpint (
      cr_training_course_state (records, 1, 36, "2024-03-15", &latest), ==,
      CR_COURSE_CURRENT);
  g_assert_cmpstr (latest->date, ==, "2024-03-15");
  g_assert_cmpint (
      cr_training_course_state (records, 1, 36, "2027-01-13", NULL), ==,
      CR_COURSE_CURRENT);
  /* 60 days before the expiry date it is flagged. */
  g_assert_cmpint (
      cr_training_course_state (records, 1, 36, "2027-01-14", NULL), ==,
      CR_COURSE_EXPIRING);
  g_assert_cmpint (
      cr_training_course_state (records, 1, 36, "2027-03-14", NULL), ==,
      CR_COURSE_EXPIRING);
  g_assert_cmpint (
      cr_training_course_state (records, 1, 36, "2027-03-15", NULL), ==,
      CR_COURSE_EXPIRED);
  /* Never expires without a validity. */
  g_assert_cmpint (cr_training_course_state (records, 1, 0, "2040-01-01", NULL),
                   ==, CR_COURSE_CURRENT);
  /* Booked or only attended is not done. */
  g_assert_cmpint (cr_training_course_state (records, 2, 0, "2026-06-01", NULL),
                   ==, CR_COURSE_NOT_DONE);
  g_assert_cmpint (cr_training_course_state (records, 3, 0, "2026-06-01", NULL),
                   ==, CR_COURSE_NOT_DONE);

  /* A refresher renews it. */
  add_record (records, 1, "2027-02-01", CR_TRAINING_COMPLETED);
  g_assert_cmpint (
      cr_training_course_state (records, 1, 36, "2027-03-20", &latest), ==,
      CR_COURSE_CURRENT);
  g_assert_cmpstr (latest->date, ==, "2027-02-01");
}

static void
test_completion_threshold (void)
{
  g_autoptr (GPtrArray) records = new_records ();
  g_autoptr (GArray) core = g_array_new (FALSE, FALSE, sizeof (CrCoreCourse));
  CrCompletion c;

  for (gint64 i = 1; i <= 5; i++)
    add_core (core, i, 0);
  add_record (records, 1, "2026-01-01", CR_TRAINING_COMPLETED);
  add_record (records, 2, "2026-01-02", CR_TRAINING_COMPLETED);
  add_record (records, 3, "2026-01-03", CR_TRAINING_COMPLETED);
  add_record (records, 4, "2026-01-04", CR_TRAINING_DID_NOT_ATTEND);
  add_record (records, 9, "2026-01-04", CR_TRAINING_COMPLETED); /* not core */

  c = cr_training_completion (records, core, "2026-06-01");
  g_assert_cmpuint (c.done, ==, 3);
  g_assert_cmpuint (c.total, ==, 5);
  g_assert_cmpuint (cr_completion_percent (c), ==, 60);
  g_assert_false (cr_completion_meets (c, 80));
  g_assert_true (cr_completion_meets (c, 60));

  /* Before the third was done: 2 of 5. */
  c = cr_training_completion (records, core, "2026-01-02");
  g_assert_cmpuint (c.done, ==, 2);

  add_record (records, 4, "2026-02-01", CR_TRAINING_COMPLETED);
  c = cr_training_completion (records, core, "2026-06-01");
  g_assert_cmpuint (cr_completion_percent (c), ==, 80);
  g_assert_true (cr_completion_meets (c, 80));

  /* Exactly, not rounded: 7 of 9 is 77.8%, which is not 78%. */
  c.done = 7;
  c.total = 9;
  g_assert_cmpuint (cr_completion_percent (c), ==, 77);
  g_assert_false (cr_completion_meets (c, 78));
  g_assert_true (cr_completion_meets (c, 77));

  /* No programme: nothing to meet. */
  c.done = 0;
  c.total = 0;
  g_assert_true (cr_completion_meets (c, 80));
}

static void
test_expired_course_counts_no_more (void)
{
  g_autoptr (GPtrArray) records = new_records ();
  g_autoptr (GArray) core = g_array_new (FALSE, FALSE, sizeof (CrCoreCourse));
  CrCompletion c;

  add_core (core, 1, 0);
  add_core (core, 2, 12); /* safeguarding, yearly */
  add_record (records, 1, "2025-01-01", CR_TRAINING_COMPLETED);
  add_record (records, 2, "2025-01-01", CR_TRAINING_COMPLETED);

  c = cr_training_completion (records, core, "2025-12-31");
  g_assert_cmpuint (c.done, ==, 2);
  c = cr_training_completion (records, core, "2026-01-01");
  g_assert_cmpuint (c.done, ==, 1);
  g_assert_false (cr_completion_meets (c, 80));
}

/* The programme is the one in force on the date: the store hands the core
 * courses of that day. When safeguarding stops being core, someone who
 * never did it goes from 2 of 3 to 2 of 2; their past figure is unchanged. */
static void
test_course_stops_being_core (void)
{
  g_autoptr (GPtrArray) records = new_records ();
  g_autoptr (GArray) before = g_array_new (FALSE, FALSE, sizeof (CrCoreCourse));
  g_autoptr (GArray) after = g_array_new (FALSE, FALSE, sizeof (CrCoreCourse));
  CrCompletion c;

  add_core (before, 1, 0);
  add_core (before, 2, 0);
  add_core (before, 3, 0);
  add_core (after, 1, 0);
  add_core (after, 2, 0);
  add_record (records, 1, "2025-01-01", CR_TRAINING_COMPLETED);
  add_record (records, 2, "2025-01-01", CR_TRAINING_COMPLETED);

  c = cr_training_completion (records, before, "2025-06-01");
  g_assert_cmpuint (cr_completion_percent (c), ==, 66);
  g_assert_false (cr_completion_meets (c, 80));
  c = cr_training_completion (records, after, "2026-06-01");
  g_assert_cmpuint (cr_completion_percent (c), ==, 100);
  g_assert_true (cr_completion_meets (c, 80));

  /* Someone who did only the course that stopped being core has nothing
   * left to show for the programme, but keeps the record. */
  {
    g_autoptr (GPtrArray) other = new_records ();

    add_record (other, 3, "2025-01-01", CR_TRAINING_COMPLETED);
    c = cr_training_completion (other, after, "2026-06-01");
    g_assert_cmpuint (c.done, ==, 0);
    g_assert_cmpuint (c.total, ==, 2);
    g_assert_cmpint (cr_training_course_state (other, 3, 0, "2026-06-01", NULL),
                     ==, CR_COURSE_CURRENT);
  }
}

/* Training belongs to the person: what was completed before leaving still
 * counts after rejoining, unless it expired in the gap. */
static void
test_leaves_and_rejoins (void)
{
  g_autoptr (GPtrArray) records = new_records ();
  g_autoptr (GArray) core = g_array_new (FALSE, FALSE, sizeof (CrCoreCourse));
  CrCompletion c;

  add_core (core, 1, 0);  /* induction, for ever */
  add_core (core, 2, 24); /* equality and diversity, every two years */
  /* A member in 2023, left in 2024, rejoined on 01/03/2026. */
  add_record (records, 1, "2023-02-01", CR_TRAINING_COMPLETED);
  add_record (records, 2, "2023-02-01", CR_TRAINING_COMPLETED);

  c = cr_training_completion (records, core, "2024-06-01");
  g_assert_cmpuint (c.done, ==, 2);
  c = cr_training_completion (records, core, "2026-03-01");
  g_assert_cmpuint (c.done, ==, 1);
  g_assert_cmpuint (cr_completion_percent (c), ==, 50);

  add_record (records, 2, "2026-04-01", CR_TRAINING_COMPLETED);
  c = cr_training_completion (records, core, "2026-04-01");
  g_assert_cmpuint (c.done, ==, 2);
}

static void
test_status_strings (void)
{
  CrTrainingStatus s;

  g_assert_true (cr_training_status_from_string ("did-not-attend", &s));
  g_assert_cmpint (s, ==, CR_TRAINING_DID_NOT_ATTEND);
  g_assert_true (cr_training_status_from_string ("Completed", &s));
  g_assert_cmpint (s, ==, CR_TRAINING_COMPLETED);
  g_assert_false (cr_training_status_from_string ("passed", &s));
  g_assert_cmpstr (cr_training_status_to_string (CR_TRAINING_BOOKED), ==,
                   "booked");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/training/expiry", test_expiry);
  g_test_add_func ("/training/state", test_state);
  g_test_add_func ("/training/completion-threshold", test_completion_threshold);
  g_test_add_func ("/training/expired-counts-no-more",
                   test_expired_course_counts_no_more);
  g_test_add_func ("/training/stops-being-core", test_course_stops_being_core);
  g_test_add_func ("/training/leaves-and-rejoins", test_leaves_and_rejoins);
  g_test_add_func ("/training/status-strings", test_status_strings);
  return g_test_run ();
}
