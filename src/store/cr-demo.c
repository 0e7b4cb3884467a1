/* cr-demo.c: a realistic, made-up association for trying things out
 *
 * Everything here is invented: the estates of "Ashbourne Vale", postcodes in
 * the unused AV area, phone numbers in Ofcom's 07700 900xxx drama range and
 * e-mail at example.org. Names mix the neighbourhoods our users live in,
 * with accents and apostrophes, because a register that breaks on
 * "Seán Ó Súilleabháin" or "Zoë O'Brien" is no use to them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-store"

#include "config.h"

#include "cr-demo.h"

#include "cr-person.h"
#include "cr-store-people.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

static const char *const given_names[] = {
  "Aisha", "Zoë", "Seán", "Siobhán", "Chidi", "Mohammed", "Krzysztof",
  "Agnieszka", "Fatima", "José", "Renée", "Björn", "Oluwaseun", "Priya",
  "Dáithí", "Noël", "Margaret", "John", "Patricia", "David", "Susan",
  "Michael", "Linda", "James", "Barbara", "Robert", "Jean", "Peter",
  "Sandra", "Paul", "Janet", "Mark", "Karen", "Andrew", "Tracey", "Gary",
  "Nasra", "Abdi", "Hodan", "Kwame", "Ama", "Yusuf", "Amira", "Tomasz",
  "Ewa", "Ioana", "Mihai", "Ayşe", "Mehmet", "Lucía", "Thiago", "Mei",
  "Wei", "Anh", "Grace", "Florence", "Winston", "Delroy", "Marcia", "Ellie",
  "Jack", "Olivia", "Harry", "Amelia", "Mary-Jane", "Jean-Luc", "Róisín",
  "Eoin", "Ngozi", "Emeka", "Shanice", "Tyrone", "Bernadette", "Colm",
};

static const char *const family_names[] = {
  "O’Brien", "Okafor", "Nowak", "Ó Súilleabháin", "D’Souza", "Smith",
  "Patel", "Begum", "Kowalski", "MacDonald", "Nguyễn", "Müller", "Öztürk",
  "Gonçalves", "Abdi", "Hussain", "Jones", "Williams", "Taylor", "Brown",
  "Davies", "Evans", "Wilson", "Thomas", "Roberts", "Johnson", "Walker",
  "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green",
  "Hall", "Wood", "Harris", "Lewis", "Martin", "Jackson", "Clarke",
  "Turner", "Hill", "Scott", "Cooper", "Morris", "Ward", "Moore", "King",
  "Watson", "Baker", "Harrison", "Morgan", "Young", "Allen", "Mitchell",
  "Anderson", "Phillips", "Bell", "Parker", "Shah", "Ahmed", "Ali", "Khan",
  "Rahman", "Mensah", "Boateng", "Adeyemi", "Kaur", "Singh", "Santos",
  "Silva", "Popescu", "Ionescu", "Kelly", "Murphy", "Byrne", "Gallagher",
  "Fitzgerald-Hughes", "McAllister", "St John", "le Roux", "van der Berg",
  "Yılmaz", "Chukwu", "Osei", "Achterberg", "Ní Bhriain",
};

typedef struct
{
  const char *estate;
  const char *blocks[5];   /* flats: "Flat N, Block" */
  const char *streets[4];  /* houses: "N Street" */
  const char *district;    /* AVn */
} Estate;

static const Estate estates[] = {
  { "Meadowbank", { "Alder House", "Birch House", "Cedar House",
                    "Damson Court", NULL },
    { "Meadowbank Road", "Orchard Way", NULL }, "AV1" },
  { "Riverside", { "Kingfisher Tower", "Heron Court", "Otter House", NULL },
    { "Towpath Walk", "Lock Keeper’s Lane", NULL }, "AV2" },
  { "Old Mill", { "Spinners Court", NULL },
    { "Mill Lane", "Weaver’s Row", "Loom Street", NULL }, "AV3" },
  { "St Anne’s", { "Chapel House", "Rectory Court", NULL },
    { "St Anne’s Road", "Bell Close", NULL }, "AV4" },
};

static const char postcode_letters[] = "ABDEFGHJLNPQRSTUWXYZ";

typedef struct
{
  GRand   *rand;
  GDate    today;
  CrStore *store;
} Demo;

static const char *
pick (Demo              *demo,
      const char *const *list,
      guint              n)
{
  return list[g_rand_int_range (demo->rand, 0, n)];
}

static guint
count_strv (const char *const *list,
            guint              max)
{
  guint n = 0;

  while (n < max && list[n] != NULL)
    n++;
  return n;
}

static char *
date_days_ago (Demo *demo,
               int   days)
{
  GDate d = demo->today;
  char buf[16];

  if (days > 0)
    g_date_subtract_days (&d, days);
  else if (days < 0)
    g_date_add_days (&d, -days);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &d);
  return g_strdup (buf);
}

static int
days_since (Demo       *demo,
            const char *iso)
{
  GDate d;
  int y, m, dd;

  sscanf (iso, "%d-%d-%d", &y, &m, &dd);
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, dd, m, y);
  return g_date_days_between (&d, &demo->today);
}

static char *
email_for (const char *given,
           const char *family,
           guint       n)
{
  g_autofree char *g = g_str_to_ascii (given, "C");
  g_autofree char *f = g_str_to_ascii (family, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = g; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  g_string_append_c (out, '.');
  for (const char *p = f; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  if (n > 0)
    g_string_append_printf (out, "%u", n);
  g_string_append (out, "@example.org");
  return g_string_free (out, FALSE);
}

static CrPerson *
make_person (Demo *demo,
             guint serial)
{
  const Estate *estate = &estates[g_rand_int_range (demo->rand, 0,
                                                    G_N_ELEMENTS (estates))];
  const char *given = pick (demo, given_names, G_N_ELEMENTS (given_names));
  const char *family = pick (demo, family_names, G_N_ELEMENTS (family_names));
  g_autoptr (CrPerson) person = cr_person_new ();
  g_autofree char *address = NULL;
  g_autofree char *postcode = NULL;
  const char *block;
  guint n_blocks = count_strv (estate->blocks, G_N_ELEMENTS (estate->blocks));
  guint n_streets = count_strv (estate->streets, G_N_ELEMENTS (estate->streets));
  int roll = g_rand_int_range (demo->rand, 0, 100);

  cr_person_set_given_name (person, given);
  cr_person_set_family_name (person, family);

  if (g_rand_boolean (demo->rand))
    {
      block = estate->blocks[g_rand_int_range (demo->rand, 0, n_blocks)];
      address = g_strdup_printf ("Flat %d, %s", g_rand_int_range (demo->rand, 1, 120),
                                 block);
    }
  else
    {
      block = estate->streets[g_rand_int_range (demo->rand, 0, n_streets)];
      address = g_strdup_printf ("%d %s", g_rand_int_range (demo->rand, 1, 90),
                                 block);
    }
  postcode = g_strdup_printf ("%s %d%c%c", estate->district,
                              g_rand_int_range (demo->rand, 1, 9),
                              postcode_letters[g_rand_int_range (demo->rand, 0, 20)],
                              postcode_letters[g_rand_int_range (demo->rand, 0, 20)]);
  cr_person_set_address (person, address);
  cr_person_set_block (person, block);
  cr_person_set_postcode (person, postcode);

  if (roll < 78)
    cr_person_set_tenure (person, CR_TENURE_TENANT);
  else if (roll < 95)
    cr_person_set_tenure (person, CR_TENURE_LEASEHOLDER);
  else
    cr_person_set_tenure (person, CR_TENURE_OTHER);

  if (g_rand_int_range (demo->rand, 0, 100) < 65)
    {
      g_autofree char *phone = g_strdup_printf ("07700 900%03u",
                                                serial % 1000);
      cr_person_set_phone (person, phone);
    }
  if (g_rand_int_range (demo->rand, 0, 100) < 55)
    {
      g_autofree char *email = email_for (given, family, serial);
      cr_person_set_email (person, email);
    }

  return g_steal_pointer (&person);
}

typedef struct
{
  gint64 id;
  char  *joined;
} Member;

static void
member_clear (gpointer data)
{
  g_free (((Member *) data)->joined);
}

/* Puts up to @n current members of the association into @group, joining on
 * a day after they joined the association. */
static gboolean
fill_group (Demo             *demo,
            GArray           *current,
            gint64            group_id,
            guint             n,
            CrMembershipKind  kind,
            guint            *cursor,
            GError          **error)
{
  for (guint i = 0; i < n && current->len > 0; i++)
    {
      Member *m = &g_array_index (current, Member, (*cursor)++ % current->len);
      int since = days_since (demo, m->joined);
      g_autofree char *start = date_days_ago (demo, since > 1 ? g_rand_int_range (demo->rand, 0, since) : 0);

      if (cr_store_add_membership (demo->store, m->id, group_id, kind, start,
                                   error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_offices (Demo    *demo,
             GArray  *current,
             gint64   group_id,
             guint   *cursor,
             GError **error)
{
  static const char *const roles[] = { "Chair", "Vice-chair", "Secretary",
                                       "Treasurer" };

  for (guint r = 0; r < G_N_ELEMENTS (roles) && current->len > 0; r++)
    {
      Member *past = &g_array_index (current, Member, (*cursor)++ % current->len);
      Member *now = &g_array_index (current, Member, (*cursor)++ % current->len);
      g_autofree char *past_start = date_days_ago (demo, 365 * 4 + 40);
      g_autofree char *past_end = date_days_ago (demo, 365 + 41);
      g_autofree char *now_start = date_days_ago (demo, 365 + 40);
      gint64 office;

      office = cr_store_add_office (demo->store, past->id, group_id, roles[r],
                                    past_start, error);
      if (office == 0 ||
          !cr_store_end_office (demo->store, office, past_end, error) ||
          cr_store_add_office (demo->store, now->id, group_id, roles[r],
                               now_start, error) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
fill (Demo                *demo,
      const CrDemoOptions *options,
      GError             **error)
{
  static const CrEndReason reasons[] = {
    CR_END_RESIGNED, CR_END_RESIGNED, CR_END_MOVED_AWAY, CR_END_MOVED_AWAY,
    CR_END_MOVED_AWAY, CR_END_LAPSED, CR_END_DIED,
  };
  g_autoptr (GArray) current = g_array_new (FALSE, FALSE, sizeof (Member));
  gint64 association = cr_store_get_association_group (demo->store);
  gint64 committee, panel, working, focus;
  guint cursor = 0;
  guint n_estate_groups;

  g_array_set_clear_func (current, member_clear);

  committee = cr_store_add_group (demo->store, "Committee",
                                  CR_GROUP_KIND_COMMITTEE, 0, error);
  panel = committee ? cr_store_add_group (demo->store,
                                          "Tenants’ Scrutiny Panel",
                                          CR_GROUP_KIND_PANEL, 0, error) : 0;
  working = panel ? cr_store_add_group (demo->store,
                                        "Estate Improvements Working Group",
                                        CR_GROUP_KIND_WORKING_GROUP,
                                        committee, error) : 0;
  focus = working ? cr_store_add_group (demo->store,
                                        "Allocations and Lettings Focus Group",
                                        CR_GROUP_KIND_FOCUS_GROUP, 0, error) : 0;
  if (focus == 0)
    return FALSE;

  for (guint i = 0; i < options->members; i++)
    {
      g_autoptr (CrPerson) person = make_person (demo, i);
      g_autofree char *joined = NULL;
      CrMembershipKind kind;
      gint64 membership;
      int joined_days_ago = g_rand_int_range (demo->rand, 30, 365 * 10);

      /* One in fifty on the list was never a member: a guest, a contact. */
      if (g_rand_int_range (demo->rand, 0, 50) == 0)
        {
          if (cr_store_add_person (demo->store, person, error) == 0)
            return FALSE;
          continue;
        }

      joined = date_days_ago (demo, joined_days_ago);
      kind = cr_person_get_tenure (person) == CR_TENURE_OTHER
               ? CR_MEMBERSHIP_ASSOCIATE
               : CR_MEMBERSHIP_VOTING;
      if (g_rand_int_range (demo->rand, 0, 100) < 85)
        cr_person_set_consent (person, TRUE, joined);
      if (cr_store_add_person (demo->store, person, error) == 0)
        return FALSE;

      membership = cr_store_add_membership (demo->store,
                                            cr_person_get_id (person),
                                            association, kind, joined, error);
      if (membership == 0)
        return FALSE;

      if (g_rand_int_range (demo->rand, 0, 100) < 15 && joined_days_ago > 200)
        {
          g_autofree char *ended = date_days_ago (demo,
                                                  g_rand_int_range (demo->rand, 1,
                                                                    joined_days_ago - 180));
          CrEndReason reason = reasons[g_rand_int_range (demo->rand, 0,
                                                         G_N_ELEMENTS (reasons))];

          if (!cr_store_end_membership (demo->store, membership, ended, reason,
                                        error))
            return FALSE;
        }
      else if (kind == CR_MEMBERSHIP_VOTING)
        {
          Member m = { cr_person_get_id (person), g_steal_pointer (&joined) };
          g_array_append_val (current, m);
        }
    }

  /* Shuffle so the groups aren't filled in alphabetical order of joining. */
  for (guint i = current->len; i > 1; i--)
    {
      guint j = g_rand_int_range (demo->rand, 0, i);
      Member tmp = g_array_index (current, Member, i - 1);

      g_array_index (current, Member, i - 1) = g_array_index (current, Member, j);
      g_array_index (current, Member, j) = tmp;
    }

  if (!add_offices (demo, current, association, &cursor, error) ||
      !fill_group (demo, current, committee, 12, CR_MEMBERSHIP_VOTING, &cursor,
                   error) ||
      !fill_group (demo, current, committee, 1, CR_MEMBERSHIP_CO_OPTEE,
                   &cursor, error) ||
      !fill_group (demo, current, panel, 8, CR_MEMBERSHIP_VOTING, &cursor,
                   error) ||
      !fill_group (demo, current, panel, 4, CR_MEMBERSHIP_DEPUTY, &cursor,
                   error) ||
      !fill_group (demo, current, working, 6, CR_MEMBERSHIP_VOTING, &cursor,
                   error) ||
      !fill_group (demo, current, focus, 8, CR_MEMBERSHIP_VOTING, &cursor,
                   error))
    return FALSE;

  /* A federation-sized file has a residents' group for each block, so that
   * groups and meetings scale with the membership. */
  n_estate_groups = options->members / 400;
  for (guint g = 0; g < n_estate_groups; g++)
    {
      const Estate *estate = &estates[g % G_N_ELEMENTS (estates)];
      g_autofree char *name = g_strdup_printf ("%s Residents’ Group %u",
                                               estate->estate, (guint) (g / G_N_ELEMENTS (estates) + 1));
      gint64 group = cr_store_add_group (demo->store, name,
                                         CR_GROUP_KIND_SUB_GROUP, 0, error);

      if (group == 0 ||
          !fill_group (demo, current, group, 25, CR_MEMBERSHIP_VOTING,
                       &cursor, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cr_demo_fill:
 * @store: a new, empty association file open for writing
 * @options: how much to make
 *
 * Fills @store with made-up people, groups, memberships and offices, in
 * one transaction: all of it or, on error, none.
 */
gboolean
cr_demo_fill (CrStore              *store,
              const CrDemoOptions  *options,
              GError              **error)
{
  g_autoptr (GRand) rand = NULL;
  const char *fixed = g_getenv ("CR_TODAY");
  gint64 existing;
  Demo demo = { 0 };

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  existing = cr_store_count_people (store, error);
  if (existing < 0)
    return FALSE;
  if (existing > 0)
    {
      g_set_error (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "This file already holds %lld"
                                " person; demo data goes only into a new, "
                                "empty file.",
                                "This file already holds %lld"
                                " people; demo data goes only into a new, "
                                "empty file.",
                                existing),
                   (long long) existing);
      return FALSE;
    }

  rand = g_rand_new_with_seed (options->seed);
  demo.rand = rand;
  demo.store = store;
  g_date_clear (&demo.today, 1);
  if (fixed != NULL && *fixed != '\0')
    {
      int y = 0, m = 0, d = 0;

      if (sscanf (fixed, "%d-%d-%d", &y, &m, &d) == 3 &&
          g_date_valid_dmy (d, m, y))
        g_date_set_dmy (&demo.today, d, m, y);
    }
  if (!g_date_valid (&demo.today))
    g_date_set_time_t (&demo.today, time (NULL));

  if (!cr_store_begin (store, error))
    return FALSE;
  if (!fill (&demo, options, error))
    {
      cr_store_rollback (store);
      return FALSE;
    }
  return cr_store_commit (store, error);
}
