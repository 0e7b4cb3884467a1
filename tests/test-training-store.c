/* test-training-store.c: the course catalogue, training records, the
 * dated core programme, roles' required courses, the skills audit and the
 * `training` items of check, in a real association file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cr-store-people.h"
#include "cr-store-rules.h"
#include "cr-store-training.h"

#include "cr-test-util.h"

#define TODAY "2026-11-23"

typedef struct
{
  char    *dir;
  char    *path;
  CrStore *store;
  gint64   panel;
  gint64   induction; /* core, for ever */
  gint64   equality;  /* core, every 24 months */
  gint64   finance;   /* not core, every 36 months */
} Fixture;

static gint64
add_person (Fixture *f, const char *given, const char *family)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrPerson) person = cr_person_new ();
  gint64 id;

  cr_person_set_given_name (person, given);
  cr_person_set_family_name (person, family);
  id = cr_store_add_person (f->store, person, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_member (Fixture    *f,
            const char *given,
            const char *family,
            const char *joined)
{
  g_autoptr (GError) error = NULL;
  gint64 id = add_person (f, given, family);

  cr_store_add_membership (f->store, id, f->panel, CR_MEMBERSHIP_VOTING, joined,
                           &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = cr_test_make_tmpdir ("cr-training-XXXXXX");
  f->path = g_build_filename (f->dir, "test.commonroom", NULL);
  f->store = cr_store_create (f->path, "Meadowbank TRA", &error);
  g_assert_no_error (error);
  f->panel = cr_store_add_group (f->store, "Scrutiny Panel",
                                 CR_GROUP_KIND_PANEL, 0, &error);
  g_assert_no_error (error);
  f->induction =
      cr_store_add_course (f->store, "Panel induction", "TPAS", 0, 0, &error);
  g_assert_no_error (error);
  f->equality = cr_store_add_course (f->store, "Equality and diversity",
                                     "Council", 24, 4500, &error);
  g_assert_no_error (error);
  f->finance = cr_store_add_course (f->store, "Finance for treasurers", NULL,
                                    36, 12000, &error);
  g_assert_no_error (error);
  g_assert_true (cr_store_set_course_core (f->store, f->induction, f->panel,
                                           TRUE, "2024-01-01", &error));
  g_assert_no_error (error);
  g_assert_true (cr_store_set_course_core (f->store, f->equality, f->panel,
                                           TRUE, "2024-01-01", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  cr_test_remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
test_catalogue (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) courses = NULL;

  g_assert_cmpint (cr_store_add_course (f->store, "  ", NULL, 0, 0, &error), ==,
                   0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (
      cr_store_add_course (f->store, "panel INDUCTION", NULL, 0, 0, &error), ==,
      0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "already a course"));
  g_clear_error (&error);
  g_assert_cmpint (cr_store_add_course (f->store, "Cheap", NULL, 0, -1, &error),
                   ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (cr_store_add_course (f->store, "Long", NULL, 601, 0, &error),
                   ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (
      cr_store_find_course (f->store, "finance for TREASURERS", &error), ==,
      f->finance);
  g_assert_true (cr_store_update_course (f->store, f->finance,
                                         "Finance for treasurers", "Bank", 24,
                                         15000, &error));
  g_assert_no_error (error);

  courses = cr_store_list_courses (f->store, f->panel, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (courses->len, ==, 3);
  {
    CrCourse *c0 = g_ptr_array_index (courses, 0);
    CrCourse *c1 = g_ptr_array_index (courses, 1);
    CrCourse *c2 = g_ptr_array_index (courses, 2);

    g_assert_cmpstr (c0->title, ==, "Equality and diversity");
    g_assert_true (c0->core);
    g_assert_cmpint (c0->cost, ==, 4500);
    g_assert_cmpuint (c0->validity_months, ==, 24);
    g_assert_cmpstr (c1->title, ==, "Finance for treasurers");
    g_assert_false (c1->core);
    g_assert_cmpstr (c1->provider, ==, "Bank");
    g_assert_cmpuint (c1->validity_months, ==, 24);
    g_assert_cmpstr (c2->title, ==, "Panel induction");
    g_assert_true (c2->core);
  }
}

static void
test_session_all_or_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) records = NULL;
  gint64 a = add_member (f, "Ada", "Okafor", "2025-01-01");
  gint64 b = add_member (f, "Bill", "Price", "2025-01-01");
  gint64 ghost = 9999;

  g_array_append_val (ids, a);
  g_array_append_val (ids, b);
  g_array_append_val (ids, ghost);
  g_assert_cmpuint (
      cr_store_record_session (f->store, f->induction, "2026-03-04",
                               CR_TRAINING_COMPLETED, ids, &error),
      ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Nobody was recorded"));
  g_clear_error (&error);
  records = cr_store_list_training (f->store, a, &error);
  g_assert_cmpuint (records->len, ==, 0);
  g_clear_pointer (&records, g_ptr_array_unref);

  /* A session still to come can only be booked. */
  g_array_set_size (ids, 2);
  g_assert_cmpuint (
      cr_store_record_session (f->store, f->induction, "2027-01-10",
                               CR_TRAINING_COMPLETED, ids, &error),
      ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "10/01/2027"));
  g_clear_error (&error);
  g_assert_cmpuint (cr_store_record_session (f->store, f->induction,
                                             "2027-01-10", CR_TRAINING_BOOKED,
                                             ids, &error),
                    ==, 2);
  g_assert_no_error (error);

  /* Not a date. */
  g_assert_cmpuint (cr_store_record_session (f->store, f->induction,
                                             "2026-02-30", CR_TRAINING_BOOKED,
                                             ids, &error),
                    ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Booked, then completed the same day: one record, changed. */
  g_assert_cmpuint (cr_store_record_session (f->store, f->equality,
                                             "2026-03-04", CR_TRAINING_BOOKED,
                                             ids, &error),
                    ==, 2);
  g_assert_cmpuint (
      cr_store_record_session (f->store, f->equality, "2026-03-04",
                               CR_TRAINING_COMPLETED, ids, &error),
      ==, 2);
  g_assert_no_error (error);
  records = cr_store_list_training (f->store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 2);
  {
    CrTrainingRecord *r0 = g_ptr_array_index (records, 0);
    CrTrainingRecord *r1 = g_ptr_array_index (records, 1);

    g_assert_cmpstr (r0->date, ==, "2027-01-10");
    g_assert_cmpint (r0->status, ==, CR_TRAINING_BOOKED);
    g_assert_cmpstr (r1->date, ==, "2026-03-04");
    g_assert_cmpint (r1->status, ==, CR_TRAINING_COMPLETED);
    g_assert_cmpstr (r1->course_title, ==, "Equality and diversity");
    g_assert_cmpuint (r1->validity_months, ==, 24);

    /* The certificate reference is kept, and may be changed. */
    g_assert_true (cr_store_update_training (
        f->store, r1->id, CR_TRAINING_COMPLETED, "ED-2026-14", &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&records, g_ptr_array_unref);
  records = cr_store_list_training (f->store, a, &error);
  g_assert_cmpstr (
      ((CrTrainingRecord *) g_ptr_array_index (records, 1))->certificate, ==,
      "ED-2026-14");
}

static void
test_core_programme_changes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64       a = add_member (f, "Ada", "Okafor", "2024-01-01");
  CrCompletion c;

  g_assert_cmpint (cr_store_add_training (f->store, a, f->induction,
                                          "2024-02-01", CR_TRAINING_COMPLETED,
                                          NULL, &error),
                   >, 0);
  g_assert_no_error (error);
  g_assert_true (cr_store_get_completion (f->store, a, f->panel, "2025-01-01",
                                          &c, &error));
  g_assert_cmpuint (c.done, ==, 1);
  g_assert_cmpuint (c.total, ==, 2);

  /* Equality and diversity stops being core on 01/06/2025. */
  g_assert_true (cr_store_set_course_core (f->store, f->equality, f->panel,
                                           FALSE, "2025-06-01", &error));
  g_assert_no_error (error);
  g_assert_true (cr_store_get_completion (f->store, a, f->panel, "2025-05-31",
                                          &c, &error));
  g_assert_cmpuint (c.done, ==, 1);
  g_assert_cmpuint (c.total, ==, 2);
  g_assert_true (cr_store_get_completion (f->store, a, f->panel, "2025-06-01",
                                          &c, &error));
  g_assert_cmpuint (c.done, ==, 1);
  g_assert_cmpuint (c.total, ==, 1);

  /* And becomes core again later: a new span, the gap stays. */
  g_assert_true (cr_store_set_course_core (f->store, f->equality, f->panel,
                                           TRUE, "2026-01-01", &error));
  g_assert_true (cr_store_get_completion (f->store, a, f->panel, "2025-12-31",
                                          &c, &error));
  g_assert_cmpuint (c.total, ==, 1);
  g_assert_true (cr_store_get_completion (f->store, a, f->panel, "2026-01-01",
                                          &c, &error));
  g_assert_cmpuint (c.total, ==, 2);

  /* Core for every group counts for the panel too. */
  g_assert_true (cr_store_set_course_core (f->store, f->finance, 0, TRUE,
                                           "2026-01-01", &error));
  g_assert_true (
      cr_store_get_completion (f->store, a, f->panel, TODAY, &c, &error));
  g_assert_cmpuint (c.total, ==, 3);
  {
    g_autoptr (GPtrArray) courses =
        cr_store_list_courses (f->store, f->panel, TODAY, &error);
    CrCourse *finance = g_ptr_array_index (courses, 1);

    g_assert_cmpstr (finance->title, ==, "Finance for treasurers");
    g_assert_true (finance->core);
    g_assert_true (finance->core_everywhere);
  }

  /* Stopping it being core for the panel alone changes nothing: it is
   * core for every group; stopping that does. */
  g_assert_true (cr_store_set_course_core (f->store, f->finance, f->panel,
                                           FALSE, "2026-06-01", &error));
  g_assert_true (
      cr_store_get_completion (f->store, a, f->panel, TODAY, &c, &error));
  g_assert_cmpuint (c.total, ==, 3);
  g_assert_true (cr_store_set_course_core (f->store, f->finance, 0, FALSE,
                                           "2026-06-01", &error));
  g_assert_no_error (error);
  g_assert_true (
      cr_store_get_completion (f->store, a, f->panel, TODAY, &c, &error));
  g_assert_cmpuint (c.total, ==, 2);
  /* Its months as core are history: still counted on a day within them. */
  g_assert_true (cr_store_get_completion (f->store, a, f->panel, "2026-05-31",
                                          &c, &error));
  g_assert_cmpuint (c.total, ==, 3);
}

static GPtrArray *
check_training (Fixture *f, const char *on)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = cr_store_check (f->store, 0, on, &error);
  GPtrArray *training =
      g_ptr_array_new_with_free_func ((GDestroyNotify) cr_attention_item_free);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      CrAttentionItem *item = g_ptr_array_index (all, i);

      if (g_str_equal (item->rule, "training"))
        g_ptr_array_add (training,
                         g_steal_pointer (&g_ptr_array_index (all, i)));
    }
  return training;
}

static CrAttentionItem *
find_item (GPtrArray *items, const char *subject, const char *detail_part)
{
  for (guint i = 0; i < items->len; i++)
    {
      CrAttentionItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->subject, subject) &&
          strstr (item->detail, detail_part) != NULL)
        return item;
    }
  return NULL;
}

static void
test_check_items (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  gint64           ada = add_member (f, "Ada", "Okafor", "2024-01-01");
  gint64           bill = add_member (f, "Bill", "Price", "2025-03-01");
  gint64           cath = add_member (f, "Cath", "Quinn", "2025-03-01");
  CrAttentionItem *item;

  /* No threshold yet: nobody is below it. */
  items = check_training (f, TODAY);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  g_assert_true (cr_store_set_rule_adopted (f->store, f->panel,
                                            "training-threshold-percent", "80",
                                            "2024-01-01", &error));
  g_assert_no_error (error);
  /* Ada did both, equality on 10/12/2024: expires 10/12/2026, 17 days
   * after TODAY. Bill did only the induction. Cath did both, in time. */
  cr_store_add_training (f->store, ada, f->induction, "2024-02-01",
                         CR_TRAINING_COMPLETED, NULL, &error);
  cr_store_add_training (f->store, ada, f->equality, "2024-12-10",
                         CR_TRAINING_COMPLETED, "ED-1", &error);
  cr_store_add_training (f->store, bill, f->induction, "2025-04-01",
                         CR_TRAINING_COMPLETED, NULL, &error);
  cr_store_add_training (f->store, cath, f->induction, "2025-04-01",
                         CR_TRAINING_COMPLETED, NULL, &error);
  cr_store_add_training (f->store, cath, f->equality, "2025-04-01",
                         CR_TRAINING_COMPLETED, NULL, &error);
  g_assert_no_error (error);

  items = check_training (f, TODAY);
  g_assert_cmpuint (items->len, ==, 2);
  item = find_item (items, "Bill Price", "1 of the 2 core courses (50%)");
  g_assert_nonnull (item);
  g_assert_nonnull (strstr (item->detail, "80%"));
  g_assert_nonnull (
      strstr (item->detail, "Still to do: Equality and diversity"));
  g_assert_cmpstr (item->date, ==, "2025-03-01");
  g_assert_cmpstr (item->group_name, ==, "Scrutiny Panel");
  g_assert_cmpint (item->subject_id, ==, bill);
  item = find_item (items, "Ada Okafor", "expires on 10/12/2026");
  g_assert_nonnull (item);
  g_assert_cmpstr (item->date, ==, "2026-12-10");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* After the expiry Ada is below the threshold and the certificate is
   * expired. */
  items = check_training (f, "2026-12-10");
  g_assert_nonnull (find_item (items, "Ada Okafor", "expired on 10/12/2026"));
  g_assert_nonnull (find_item (items, "Ada Okafor", "1 of the 2 core courses"));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A treasurer must do finance. */
  cr_store_add_office (f->store, cath, f->panel, "Treasurer", "2026-01-01",
                       &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_add_requirement (f->store, f->finance, 0,
                                             CR_ROLE_OFFICE, "treasurer", 0,
                                             &error),
                   >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_add_requirement (f->store, f->finance, 0,
                                             CR_ROLE_OFFICE, "Treasurer", 0,
                                             &error),
                   ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  items = check_training (f, TODAY);
  item = find_item (items, "Cath Quinn", "As Treasurer of Scrutiny Panel");
  g_assert_nonnull (item);
  g_assert_nonnull (strstr (item->detail, "Finance for treasurers"));
  g_clear_pointer (&items, g_ptr_array_unref);

  {
    g_autoptr (GPtrArray) needs =
        cr_store_list_role_needs (f->store, cath, TODAY, &error);
    CrRoleNeed *need;

    g_assert_no_error (error);
    g_assert_cmpuint (needs->len, ==, 1);
    need = g_ptr_array_index (needs, 0);
    g_assert_cmpstr (need->role, ==, "Treasurer");
    g_assert_cmpint (need->state, ==, CR_COURSE_NOT_DONE);
  }

  cr_store_add_training (f->store, cath, f->finance, "2026-02-01",
                         CR_TRAINING_COMPLETED, NULL, &error);
  g_assert_no_error (error);
  items = check_training (f, TODAY);
  g_assert_null (find_item (items, "Cath Quinn", "Treasurer"));
  g_clear_pointer (&items, g_ptr_array_unref);
  {
    g_autoptr (GPtrArray) needs =
        cr_store_list_role_needs (f->store, cath, TODAY, &error);
    CrRoleNeed *need = g_ptr_array_index (needs, 0);

    g_assert_cmpint (need->state, ==, CR_COURSE_CURRENT);
    g_assert_cmpstr (need->expires_on, ==, "2029-02-01");
  }

  /* A panel's deputies must renew the equality course every year, sooner
   * than its own two-year validity. */
  {
    g_autoptr (GPtrArray) needs = NULL;
    gint64      deputy = add_person (f, "Dan", "Sato");
    CrRoleNeed *need;

    cr_store_add_membership (f->store, deputy, f->panel, CR_MEMBERSHIP_DEPUTY,
                             "2025-01-01", &error);
    cr_store_add_training (f->store, deputy, f->induction, "2025-01-10",
                           CR_TRAINING_COMPLETED, NULL, &error);
    cr_store_add_training (f->store, deputy, f->equality, "2025-12-01",
                           CR_TRAINING_COMPLETED, NULL, &error);
    g_assert_cmpint (cr_store_add_requirement (f->store, f->equality, f->panel,
                                               CR_ROLE_MEMBERSHIP, "deputy", 12,
                                               &error),
                     >, 0);
    g_assert_no_error (error);
    g_clear_pointer (&items, g_ptr_array_unref);
    items = check_training (f, TODAY);
    item = find_item (items, "Dan Sato", "expires on 01/12/2026");
    g_assert_nonnull (item);
    g_assert_cmpstr (item->date, ==, "2026-12-01");
    needs = cr_store_list_role_needs (f->store, deputy, TODAY, &error);
    g_assert_cmpuint (needs->len, ==, 1);
    need = g_ptr_array_index (needs, 0);
    g_assert_cmpstr (need->role, ==, "Deputy");
    g_assert_cmpstr (need->group_name, ==, "Scrutiny Panel");
    g_assert_cmpint (need->state, ==, CR_COURSE_EXPIRING);
    g_assert_cmpuint (need->renew_months, ==, 12);
    g_clear_pointer (&items, g_ptr_array_unref);
    items = check_training (f, "2026-12-01");
    g_assert_nonnull (find_item (items, "Dan Sato", "expired on 01/12/2026"));
    /* Still valid for the core programme: two years. */
    g_assert_null (find_item (items, "Dan Sato", "core courses"));
  }
}

/* Training belongs to the person: a rejoiner is checked again with what
 * they did before, and not checked at all while away. */
static void
test_leaves_and_rejoins (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) memberships = NULL;
  gint64 dee = add_member (f, "Dee", "Rowe", "2024-01-01");

  cr_store_set_rule_adopted (f->store, f->panel, "training-threshold-percent",
                             "100", "2024-01-01", &error);
  cr_store_add_training (f->store, dee, f->induction, "2024-01-15",
                         CR_TRAINING_COMPLETED, NULL, &error);
  cr_store_add_training (f->store, dee, f->equality, "2024-01-15",
                         CR_TRAINING_COMPLETED, NULL, &error);
  g_assert_no_error (error);
  memberships = cr_store_list_memberships (f->store, dee, &error);
  cr_store_end_membership (
      f->store, ((CrMembership *) g_ptr_array_index (memberships, 0))->id,
      "2024-06-30", CR_END_MOVED_AWAY, &error);
  g_assert_no_error (error);

  /* Away when equality expired: nothing to say. */
  items = check_training (f, "2026-02-01");
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  cr_store_add_membership (f->store, dee, f->panel, CR_MEMBERSHIP_VOTING,
                           "2026-03-01", &error);
  g_assert_no_error (error);
  items = check_training (f, "2026-03-01");
  g_assert_nonnull (find_item (items, "Dee Rowe", "1 of the 2 core courses"));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* The refresher after rejoining puts it right. */
  cr_store_add_training (f->store, dee, f->equality, "2026-04-01",
                         CR_TRAINING_COMPLETED, NULL, &error);
  items = check_training (f, "2026-04-01");
  g_assert_cmpuint (items->len, ==, 0);
}

static gboolean
collect_row (const CrTrainingRow *row, gpointer user_data)
{
  g_ptr_array_add (user_data,
                   g_strdup_printf ("%s %u/%u %u", row->name,
                                    row->completion.done, row->completion.total,
                                    row->records->len));
  return TRUE;
}

static void
test_matrix_and_skills (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) audit = NULL;
  g_autoptr (GPtrArray) expiring = NULL;
  gint64 ada = add_member (f, "Ada", "Okafor", "2024-01-01");
  gint64 bill = add_member (f, "Bill", "Price", "2025-03-01");
  gint64 outsider = add_person (f, "Eve", "Stone");
  gint64 chairing, minutes, finance;

  cr_store_add_training (f->store, ada, f->induction, "2024-02-01",
                         CR_TRAINING_COMPLETED, NULL, &error);
  cr_store_add_training (f->store, ada, f->equality, "2024-12-10",
                         CR_TRAINING_COMPLETED, NULL, &error);
  cr_store_add_training (f->store, bill, f->equality, "2027-01-10",
                         CR_TRAINING_BOOKED, NULL, &error);
  cr_store_add_training (f->store, outsider, f->equality, "2024-12-01",
                         CR_TRAINING_COMPLETED, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (cr_store_foreach_training_row (f->store, f->panel, TODAY,
                                                collect_row, rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  /* The same, group by group: only groups with a core programme. */
  cr_store_set_rule_adopted (f->store, f->panel, "training-threshold-percent",
                             "100", "2024-01-01", &error);
  g_assert_no_error (error);
  {
    g_autoptr (GPtrArray) groups =
        cr_store_list_group_completion (f->store, TODAY, &error);
    CrGroupCompletion *c;

    g_assert_no_error (error);
    g_assert_cmpuint (groups->len, ==, 1);
    c = g_ptr_array_index (groups, 0);
    g_assert_cmpint (c->group_id, ==, f->panel);
    g_assert_cmpuint (c->members, ==, 2);
    g_assert_cmpuint (c->met, ==, 1);
    g_assert_cmpuint (c->threshold, ==, 100);
    g_assert_cmpuint (c->core, ==, 2);
    g_assert_cmpuint (c->percent_sum, ==, 100);
  }
  g_assert_cmpstr (g_ptr_array_index (rows, 0), ==, "Ada Okafor 2/2 2");
  g_assert_cmpstr (g_ptr_array_index (rows, 1), ==, "Bill Price 0/2 1");

  expiring = cr_store_list_expiring (f->store, f->panel, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expiring->len, ==, 1);
  g_assert_cmpstr (
      ((CrExpiringCertificate *) g_ptr_array_index (expiring, 0))->expires_on,
      ==, "2026-12-10");
  g_clear_pointer (&expiring, g_ptr_array_unref);
  /* Everyone: the outsider's expires first. */
  expiring = cr_store_list_expiring (f->store, 0, TODAY, &error);
  g_assert_cmpuint (expiring->len, ==, 2);
  g_assert_cmpstr (
      ((CrExpiringCertificate *) g_ptr_array_index (expiring, 0))->person_name,
      ==, "Eve Stone");

  chairing = cr_store_ensure_skill (f->store, "Chairing", &error);
  minutes = cr_store_ensure_skill (f->store, "Minute taking", &error);
  finance = cr_store_ensure_skill (f->store, "Finance", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_ensure_skill (f->store, "chairing", &error), ==,
                   chairing);
  g_assert_cmpint (cr_store_ensure_skill (f->store, " ", &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (
      cr_store_set_group_skill (f->store, f->panel, chairing, 2, &error));
  g_assert_true (
      cr_store_set_group_skill (f->store, f->panel, minutes, 1, &error));
  g_assert_true (
      cr_store_set_person_skill (f->store, ada, chairing, TRUE, TODAY, &error));
  g_assert_true (
      cr_store_set_person_skill (f->store, bill, finance, TRUE, NULL, &error));
  g_assert_true (cr_store_set_person_skill (f->store, outsider, minutes, TRUE,
                                            NULL, &error));
  g_assert_no_error (error);

  audit = cr_store_skills_audit (f->store, f->panel, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 3);
  {
    CrSkillAudit *s0 = g_ptr_array_index (audit, 0);
    CrSkillAudit *s1 = g_ptr_array_index (audit, 1);
    CrSkillAudit *s2 = g_ptr_array_index (audit, 2);

    g_assert_cmpstr (s0->name, ==, "Chairing");
    g_assert_cmpuint (s0->wanted, ==, 2);
    g_assert_cmpuint (s0->have, ==, 1);
    g_assert_cmpstr (s0->holders, ==, "Ada Okafor");
    g_assert_cmpstr (s1->name, ==, "Finance");
    g_assert_cmpuint (s1->wanted, ==, 0);
    g_assert_cmpuint (s1->have, ==, 1);
    /* Wanted, and only someone outside the panel has it: a gap. */
    g_assert_cmpstr (s2->name, ==, "Minute taking");
    g_assert_cmpuint (s2->have, ==, 0);
    g_assert_null (s2->holders);
  }
}

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrStore) reader = NULL;

  g_clear_object (&f->store);
  reader = cr_store_open (f->path, CR_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_add_course (reader, "New", NULL, 0, 0, &error), ==,
                   0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_READ_ONLY);
}

/* Requirements are found, listed by role and removed by the calls the
 * window's Required Courses… uses, and by `training require --remove`;
 * the check follows each change. */
static void
test_requirements (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) titles = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64           cath = add_member (f, "Cath", "Quinn", "2025-03-01");
  gint64           id;

  cr_store_add_office (f->store, cath, f->panel, "Treasurer", "2026-01-01",
                       &error);
  g_assert_no_error (error);
  cr_store_add_office (f->store, cath, f->panel, "Minutes secretary",
                       "2026-01-01", &error);
  g_assert_no_error (error);

  /* The usual officers first, then the file's own titles, each once. */
  titles = cr_store_list_office_titles (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (titles->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "Chair");
  g_assert_cmpstr (g_ptr_array_index (titles, 3), ==, "Treasurer");
  g_assert_cmpstr (g_ptr_array_index (titles, 4), ==, "Minutes secretary");

  g_assert_cmpint (cr_store_find_requirement (f->store, f->finance, 0,
                                              CR_ROLE_OFFICE, "Treasurer",
                                              &error),
                   ==, 0);
  g_assert_no_error (error);
  id = cr_store_add_requirement (f->store, f->finance, 0, CR_ROLE_OFFICE,
                                 "Treasurer", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cr_store_find_requirement (f->store, f->finance, 0,
                                              CR_ROLE_OFFICE, "treasurer",
                                              &error),
                   ==, id);
  /* Only in every group: not the panel's own. */
  g_assert_cmpint (cr_store_find_requirement (f->store, f->finance, f->panel,
                                              CR_ROLE_OFFICE, "Treasurer",
                                              &error),
                   ==, 0);
  items = check_training (f, TODAY);
  g_assert_nonnull (find_item (items, "Cath Quinn", "Finance for treasurers"));
  g_clear_pointer (&items, g_ptr_array_unref);

  g_assert_true (cr_store_remove_requirement (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_false (cr_store_remove_requirement (f->store, id, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  items = check_training (f, TODAY);
  g_assert_null (find_item (items, "Cath Quinn", "Finance for treasurers"));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* The command line: add, remove, and refuse to remove what isn't
   * there, changing nothing. */
  g_clear_object (&f->store);
  g_assert_cmpint (cr_test_run_cli (&out, &err, f->path, "training", "require",
                                    "--course", "Finance for treasurers",
                                    "--role", "Treasurer", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cr_test_run_cli (&out, &err, f->path, "training", "require",
                                    "--course", "Finance for treasurers",
                                    "--role", "treasurer", "--remove", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cr_test_run_cli (&out, &err, f->path, "training", "require",
                                    "--course", "Finance for treasurers",
                                    "--role", "Treasurer", "--remove", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "commonroom-cli: "));
  g_assert_nonnull (strstr (err, "nothing was removed"));
  f->store = cr_store_open (f->path, CR_STORE_OPEN_READ_WRITE, &error);
  g_assert_no_error (error);
  {
    g_autoptr (GPtrArray) left = cr_store_list_requirements (f->store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (left->len, ==, 0);
  }
}

int
main (int argc, char **argv)
{
  g_setenv ("CR_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/training-store/catalogue", test_catalogue);
  ADD ("/training-store/session-all-or-nothing", test_session_all_or_nothing);
  ADD ("/training-store/core-programme-changes", test_core_programme_changes);
  ADD ("/training-store/check-items", test_check_items);
  ADD ("/training-store/leaves-and-rejoins", test_leaves_and_rejoins);
  ADD ("/training-store/matrix-and-skills", test_matrix_and_skills);
  ADD ("/training-store/read-only", test_read_only);
  ADD ("/training-store/requirements", test_requirements);
#undef ADD
  return g_test_run ();
}
