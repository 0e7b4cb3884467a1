/* cr-demo-training.c: a made-up course catalogue, training sessions and
 * skills for the demo file
 *
 * The work grows with the number of groups, not of people: each group
 * sends at most forty of its members to its core courses, so a
 * federation-sized demo stays quick. Some certificates are left close to
 * expiry, some members short of the panel's threshold and some officers
 * without their role's course, so that check and the Training page have
 * something to show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-store-training.h"

#include "cr-date.h"
#include "cr-group.h"
#include "cr-rules.h"
#include "cr-store-people.h"
#include "cr-store-rules.h"

#include <string.h>

#define PANEL_NAME     "Tenants’ Scrutiny Panel"
#define COMMITTEE_NAME "Committee"
#define SAMPLE         40

enum
{
  INDUCTION,
  EQUALITY,
  SAFEGUARDING,
  SCRUTINY,
  DATA,
  CHAIRING,
  MINUTES,
  BOOKKEEPING,
  FIRST_AID,
  N_COURSES
};

static const struct
{
  const char *title;
  const char *provider;
  guint       validity;
  gint64      cost;
} courses[N_COURSES] = {
  [INDUCTION] = { "Welcome and induction", "Ashbourne Vale TRA", 0, 0 },
  [EQUALITY] = { "Equality, diversity and inclusion",
                 "Council Community Learning", 24, 3500 },
  [SAFEGUARDING] = { "Safeguarding awareness", "Council Community Learning", 36,
                     4000 },
  [SCRUTINY] = { "Scrutiny in practice", "Tenant Training Partnership", 0,
                 12000 },
  [DATA] = { "Reading housing performance figures",
             "Tenant Training Partnership", 0, 9500 },
  [CHAIRING] = { "Chairing meetings well", "Community Skills Network", 0,
                 8500 },
  [MINUTES] = { "Taking clear minutes", "Community Skills Network", 0, 6000 },
  [BOOKKEEPING] = { "Bookkeeping for treasurers", "Voluntary Action Centre", 36,
                    9500 },
  [FIRST_AID] = { "Emergency first aid", "Red Kite First Aid", 36, 11000 },
};

static const char *const skills[] = {
  "Chairing",
  "Minute taking",
  "Finance",
  "Scrutiny",
  "Data and spreadsheets",
  "Public speaking",
  "Community languages",
  "Social media",
};

static char *
days_from (const GDate *today, int days)
{
  GDate d = *today;

  if (days >= 0)
    g_date_add_days (&d, (guint) days);
  else
    g_date_subtract_days (&d, (guint) -days);
  return cr_date_to_iso (&d);
}

/* Up to SAMPLE of @ids, picked at random. */
static GArray *
sample (GRand *rand, const GArray *ids)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), SAMPLE);
  g_autoptr (GHashTable) taken = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint want = MIN (ids->len, SAMPLE);

  while (copy->len < want)
    {
      gint64 *id = &g_array_index (
          ids, gint64, g_rand_int_range (rand, 0, (gint32) ids->len));

      if (g_hash_table_add (taken, id))
        g_array_append_val (copy, *id);
    }
  return copy;
}

static gboolean
session (CrStore      *store,
         GRand        *rand,
         gint64        course,
         const char   *date,
         const GArray *people,
         guint         percent,
         GError      **error)
{
  g_autoptr (GArray) there = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < people->len; i++)
    if ((guint) g_rand_int_range (rand, 0, 100) < percent)
      g_array_append_val (there, g_array_index (people, gint64, i));
  if (there->len == 0)
    return TRUE;
  return cr_store_record_session (store, course, date, CR_TRAINING_COMPLETED,
                                  there, error) > 0;
}

/* Officers do their role's course, most of them. */
static gboolean
train_officers (CrStore      *store,
                GRand        *rand,
                const gint64 *ids,
                const GArray *people,
                const char   *today,
                const GDate  *date,
                GError      **error)
{
  for (guint i = 0; i < people->len; i++)
    {
      gint64 person = g_array_index (people, gint64, i);
      g_autoptr (GPtrArray) offices =
          cr_store_list_offices (store, person, error);

      if (offices == NULL)
        return FALSE;
      for (guint j = 0; j < offices->len; j++)
        {
          CrOffice        *o = g_ptr_array_index (offices, j);
          gint64           course = 0;
          g_autofree char *on = NULL;

          if (o->end_date != NULL || g_rand_int_range (rand, 0, 100) >= 70)
            continue;
          if (g_ascii_strcasecmp (o->role, "Chair") == 0)
            course = ids[CHAIRING];
          else if (g_ascii_strcasecmp (o->role, "Secretary") == 0)
            course = ids[MINUTES];
          else if (g_ascii_strcasecmp (o->role, "Treasurer") == 0)
            course = ids[BOOKKEEPING];
          if (course == 0)
            continue;
          on = days_from (date, -g_rand_int_range (rand, 20, 700));
          if (strcmp (on, today) > 0)
            continue;
          if (cr_store_add_training (store, person, course, on,
                                     CR_TRAINING_COMPLETED, NULL, error) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
train_group (CrStore      *store,
             GRand        *rand,
             const gint64 *ids,
             const gint64 *skill_ids,
             gint64        group,
             gboolean      panel,
             const GDate  *today,
             GError      **error)
{
  g_autofree char *on = cr_date_to_iso (today);
  g_autoptr (GArray) members =
      cr_store_list_group_member_ids (store, group, on, error);
  g_autoptr (GArray) people = NULL;
  g_autofree char *induction = NULL;
  g_autofree char *equality = NULL;
  g_autofree char *booked = NULL;

  if (members == NULL)
    return FALSE;
  if (members->len == 0)
    return TRUE;
  people = sample (rand, members);

  /* Induction soon after joining; equality training about two years ago,
   * so that some certificates are close to running out. */
  induction = days_from (today, -g_rand_int_range (rand, 200, 1400));
  equality = days_from (today, -g_rand_int_range (rand, 640, 720));
  if (!session (store, rand, ids[INDUCTION], induction, people, 90, error) ||
      !session (store, rand, ids[EQUALITY], equality, people, 75, error))
    return FALSE;
  if (panel)
    {
      g_autofree char *safe =
          days_from (today, -g_rand_int_range (rand, 60, 400));
      g_autofree char *scrutiny =
          days_from (today, -g_rand_int_range (rand, 100, 500));
      g_autofree char *data =
          days_from (today, -g_rand_int_range (rand, 500, 900));

      if (!session (store, rand, ids[SAFEGUARDING], safe, people, 80, error) ||
          !session (store, rand, ids[SCRUTINY], scrutiny, people, 70, error) ||
          !session (store, rand, ids[DATA], data, people, 60, error))
        return FALSE;
    }
  if (people->len >= 3 && g_rand_int_range (rand, 0, 3) == 0)
    {
      g_autofree char *aid =
          days_from (today, -g_rand_int_range (rand, 1040, 1120));
      g_autoptr (GArray) two = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_array_append_vals (two, people->data, 2);
      if (cr_store_record_session (store, ids[FIRST_AID], aid,
                                   CR_TRAINING_COMPLETED, two, error) == 0)
        return FALSE;
    }

  /* A session still to come, and someone who missed one. */
  booked = days_from (today, g_rand_int_range (rand, 14, 60));
  {
    g_autoptr (GArray) some = g_array_new (FALSE, FALSE, sizeof (gint64));

    g_array_append_vals (some, people->data, MIN (people->len, 3));
    if (cr_store_record_session (store, ids[EQUALITY], booked,
                                 CR_TRAINING_BOOKED, some, error) == 0)
      return FALSE;
  }
  if (people->len > 4)
    {
      g_autofree char *missed =
          days_from (today, -g_rand_int_range (rand, 30, 90));

      if (cr_store_add_training (store, g_array_index (people, gint64, 4),
                                 ids[SAFEGUARDING], missed,
                                 CR_TRAINING_DID_NOT_ATTEND, NULL, error) == 0)
        return FALSE;
    }

  if (!train_officers (store, rand, ids, people, on, today, error))
    return FALSE;

  /* Skills: a couple each for some of them. */
  for (guint i = 0; i < people->len; i++)
    {
      guint n = (guint) g_rand_int_range (rand, 0, 3);

      for (guint j = 0; j < n; j++)
        if (!cr_store_set_person_skill (
                store, g_array_index (people, gint64, i),
                skill_ids[g_rand_int_range (rand, 0, G_N_ELEMENTS (skills))],
                TRUE, on, error))
          return FALSE;
    }
  return TRUE;
}

/**
 * cr_demo_fill_training:
 * @today: the demo's today
 *
 * Adds the course catalogue, the core programme (everywhere, and the
 * panel's own, with one course that stopped being core a year ago), the
 * courses officers need, the skills groups want, and training sessions
 * for some members of each group. Runs inside the demo's transaction.
 */
gboolean
cr_demo_fill_training (CrStore     *store,
                       GRand       *rand,
                       const GDate *today,
                       GError     **error)
{
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (CrRules) rules = NULL;
  g_autofree char *on = cr_date_to_iso (today);
  g_autofree char *long_ago = days_from (today, -365 * 5);
  g_autofree char *data_from = days_from (today, -365 * 4);
  g_autofree char *data_until = days_from (today, -365);
  gint64           ids[N_COURSES];
  gint64           skill_ids[G_N_ELEMENTS (skills)];
  gint64           panel, committee, start;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);

  for (guint i = 0; i < N_COURSES; i++)
    {
      ids[i] =
          cr_store_add_course (store, courses[i].title, courses[i].provider,
                               courses[i].validity, courses[i].cost, error);
      if (ids[i] == 0)
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (skills); i++)
    if ((skill_ids[i] = cr_store_ensure_skill (store, skills[i], error)) == 0)
      return FALSE;

  panel = cr_store_find_group (store, PANEL_NAME, error);
  committee = cr_store_find_group (store, COMMITTEE_NAME, error);
  if ((panel == 0 || committee == 0) && error != NULL && *error != NULL)
    return FALSE;

  if (!cr_store_set_course_core (store, ids[INDUCTION], 0, TRUE, long_ago,
                                 error) ||
      !cr_store_set_course_core (store, ids[EQUALITY], 0, TRUE, long_ago,
                                 error) ||
      !cr_store_add_requirement (store, ids[CHAIRING], 0, CR_ROLE_OFFICE,
                                 "Chair", 0, error) ||
      !cr_store_add_requirement (store, ids[MINUTES], 0, CR_ROLE_OFFICE,
                                 "Secretary", 0, error) ||
      !cr_store_add_requirement (store, ids[BOOKKEEPING], 0, CR_ROLE_OFFICE,
                                 "Treasurer", 0, error))
    return FALSE;

  if (panel != 0)
    {
      /* The panel asks for 80% of its programme before full membership;
       * performance figures stopped being core a year ago, when the
       * council took over the training. */
      if (!cr_store_set_course_core (store, ids[SAFEGUARDING], panel, TRUE,
                                     long_ago, error) ||
          !cr_store_set_course_core (store, ids[SCRUTINY], panel, TRUE,
                                     long_ago, error) ||
          !cr_store_set_course_core (store, ids[DATA], panel, TRUE, data_from,
                                     error) ||
          !cr_store_set_course_core (store, ids[DATA], panel, FALSE, data_until,
                                     error) ||
          !cr_store_set_group_skill (store, panel, skill_ids[3], 4, error) ||
          !cr_store_set_group_skill (store, panel, skill_ids[4], 2, error) ||
          !cr_store_set_group_skill (store, panel, skill_ids[0], 1, error))
        return FALSE;
      rules = cr_store_get_rules (store, panel, on, error);
      if (rules == NULL)
        return FALSE;
      if (!cr_rules_has (rules, CR_RULE_TRAINING_THRESHOLD_PERCENT) &&
          !cr_store_set_rule_adopted (
              store, panel, "training-threshold-percent", "80", on, error))
        return FALSE;
    }
  if (committee != 0 &&
      (!cr_store_set_group_skill (store, committee, skill_ids[0], 2, error) ||
       !cr_store_set_group_skill (store, committee, skill_ids[1], 2, error) ||
       !cr_store_set_group_skill (store, committee, skill_ids[2], 2, error)))
    return FALSE;
  if (!cr_store_set_group_skill (store, 0, skill_ids[5], 3, error) ||
      !cr_store_set_group_skill (store, 0, skill_ids[6], 2, error))
    return FALSE;

  groups = cr_store_list_groups (store, error);
  if (groups == NULL)
    return FALSE;
  start = g_get_monotonic_time ();
  for (guint i = 0; i < groups->len; i++)
    {
      CrGroup *group = g_ptr_array_index (groups, i);
      gint64   id = cr_group_get_id (group);

      if (!train_group (store, rand, ids, skill_ids, id, id == panel, today,
                        error))
        return FALSE;
    }
  g_debug ("Demo: training for %u groups in %.2f s", groups->len,
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  return TRUE;
}
