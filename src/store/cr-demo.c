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

#include "cr-date.h"

#include "cr-person.h"
#include "cr-store-conduct.h"
#include "cr-store-meetings.h"
#include "cr-store-money.h"
#include "cr-store-privacy.h"
#include "cr-store-people.h"
#include "cr-store-rules.h"
#include "cr-store-training.h"
#include "cr-store-workplan.h"

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
  int    joined_ago;  /* days before today */
} Member;

static void
member_clear (gpointer data)
{
  g_free (((Member *) data)->joined);
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

/* ---- meetings -------------------------------------------------------- */

/* How reliably a member turns up: most do, some often send apologies, a
 * few drift away without a word (the lapse rule's cases). */
typedef enum
{
  RELIABLE = 0,
  PATCHY,
  DRIFTING,
} Reliability;

typedef struct
{
  gint64           person_id;
  int              start_ago;   /* days before today */
  int              end_ago;     /* last day, days before today; -1: none */
  CrMembershipKind kind;
  Reliability      reliability;
} Seat;

typedef struct
{
  gint64       id;
  const char  *venue;          /* NULL: venues rotate */
  const char  *quorum;         /* NULL: the default */
  guint        voting;         /* voting seats */
  guint        extra;          /* seats of @extra_kind */
  CrMembershipKind extra_kind;
  gboolean     avoid_winter;   /* no meetings December to February */
  gboolean     casting;        /* the chair has a casting vote */
  gboolean     consensus_only; /* facilitated, no votes */
  gboolean     association;    /* AGMs, signed in at the door */
  guint        weekday;        /* GDateWeekday */
  guint        week;           /* nth such day of the month */
  guint        n_meetings;
  int         *dates;          /* days ago, oldest first */
  GArray      *seats;          /* of Seat */
} DemoGroup;

static const char *const venues[] = {
  "Meadowbank Community Centre", "Riverside Tenants’ Hall",
  "Old Mill Library, meeting room 2", "St Anne’s Church Hall",
  "Online (video call)",
};

static const char *const standing_items[] = {
  "Welcome, introductions and apologies",
  "Declarations of interest",
  "Minutes of the last meeting and matters arising",
};

typedef struct
{
  const char *title;
  const char *minute;
  const char *decision;
  const char *action;
  const char *we_did;
} Topic;

static const Topic topics[] = {
  { "Repairs update from the housing officer",
    "The housing officer reported on outstanding repairs; members raised "
    "damp in three flats and the broken door entry system.",
    "Agreed to ask for a repairs surgery on the estate every month.",
    "Write to the repairs manager about the door entry system",
    "The door entry system was replaced and now works." },
  { "Anti-social behaviour on the estate",
    "Residents described noise and drug dealing near the garages; the "
    "neighbourhood officer explained how to report it.",
    "Agreed to hold a joint walkabout with the police.",
    "Arrange a walkabout with the safer neighbourhoods team",
    "The walkabout took place and two garages were secured." },
  { "Bin stores and fly-tipping",
    "Members reported bulky waste dumped by the bin stores week after week.",
    "Agreed to ask the council for a bulky-waste amnesty day.",
    "Ask estate services for a bulky-waste collection day",
    "A collection day was held; 4 tonnes were removed." },
  { "Play area refurbishment",
    "Parents asked for new play equipment; quotes were circulated.",
    "Agreed to apply to the community chest for the play area.",
    "Send the grant application for the play area",
    "The grant was awarded and the equipment installed." },
  { "Grant application to the community fund",
    "The treasurer presented the draft budget for the summer fun day.",
    "Agreed to submit the application as presented.",
    "Submit the fun day grant application",
    "The application was submitted and £750 awarded." },
  { "Service charge consultation",
    "Leaseholders questioned the rise in the cleaning charge.",
    "Agreed to ask for a breakdown of the cleaning costs.",
    "Request the breakdown of cleaning costs from home ownership",
    "The breakdown was received and shared with leaseholders." },
  { "Community garden",
    "Volunteers reported on the raised beds and the water butt.",
    "Agreed to hold a planting day in the spring.",
    "Organise volunteers for the planting day",
    "Twenty residents came to the planting day." },
  { "Newsletter and publicity",
    "The secretary showed the draft newsletter; members suggested changes.",
    "Agreed to print 600 copies and deliver them door to door.",
    "Print and deliver the newsletter",
    "The newsletter went to every door on the estate." },
  { "Lighting on the footpaths",
    "Several lights on the footpath to the shops have been out for weeks.",
    "Agreed to report the lights and chase them weekly.",
    "Report the broken footpath lights to the council",
    "All eight lights were repaired." },
  { "Parking and garages",
    "Members discussed abandoned cars and the waiting list for garages.",
    "Agreed to ask for the abandoned cars to be removed.",
    "Report the abandoned cars to the parking team",
    "Three abandoned cars were removed." },
};

static const char *const officer_owners[] = {
  "Housing officer", "Estate services team", "Neighbourhood police team",
  "Ashbourne Vale Council repairs team",
};

/* Days from @date to today: positive in the past. */
static int
ago_of (Demo        *demo,
        const GDate *date)
{
  return g_date_days_between (date, &demo->today);
}

static void
iso_ago (Demo *demo,
         int   days,
         char  buf[16])
{
  GDate d = demo->today;

  if (days > 0)
    g_date_subtract_days (&d, days);
  else if (days < 0)
    g_date_add_days (&d, -days);
  g_date_strftime (buf, 16, "%Y-%m-%d", &d);
}

/* The group's meeting dates, oldest first: the nth weekday of each month
 * (leaving out the winter months if the group does), counting back from
 * next month; a group with very many meetings meets weekly instead. */
static void
plan_dates (Demo      *demo,
            DemoGroup *group)
{
  GDate month;
  guint n = 0;

  group->dates = g_new0 (int, group->n_meetings);
  if (group->n_meetings > 150)
    {
      for (guint i = 0; i < group->n_meetings; i++)
        group->dates[group->n_meetings - 1 - i] = (int) i * 7 - 14 +
                                                  (int) group->week;
      return;
    }

  month = demo->today;
  g_date_set_day (&month, 1);
  g_date_add_months (&month, 1);
  while (n < group->n_meetings)
    {
      GDateMonth m = g_date_get_month (&month);
      GDate day = month;

      if (!(group->avoid_winter &&
            (m == G_DATE_DECEMBER || m == G_DATE_JANUARY ||
             m == G_DATE_FEBRUARY)) &&
          !(group->association && m != G_DATE_OCTOBER))
        {
          while (g_date_get_weekday (&day) != group->weekday)
            g_date_add_days (&day, 1);
          g_date_add_days (&day, 7 * (group->week - 1));
          group->dates[group->n_meetings - 1 - n] = ago_of (demo, &day);
          n++;
        }
      g_date_subtract_months (&month, 1);
    }
}

/* Gives @group its seats: founders who joined when it started (or when
 * they joined the association, if later), some of whom left and were
 * replaced. */
static gboolean
seat_members (Demo      *demo,
              DemoGroup *group,
              GArray    *current,
              guint     *cursor,
              GError   **error)
{
  static const CrEndReason reasons[] = {
    CR_END_RESIGNED, CR_END_RESIGNED, CR_END_LAPSED, CR_END_MOVED_AWAY,
  };
  int founded = (group->n_meetings > 0 ? group->dates[0] : 0) + 30;
  guint n_seats = group->voting + group->extra;

  group->seats = g_array_new (FALSE, FALSE, sizeof (Seat));
  for (guint s = 0; s < n_seats && current->len > 0; s++)
    {
      CrMembershipKind kind = s < group->voting ? CR_MEMBERSHIP_VOTING
                                                : group->extra_kind;
      int start_ago = founded;
      gboolean again = TRUE;

      while (again)
        {
          Member *m = &g_array_index (current, Member, (*cursor)++ % current->len);
          int roll = g_rand_int_range (demo->rand, 0, 100);
          char start[16];
          Seat seat = { m->id, 0, -1, kind, RELIABLE };
          gint64 membership;

          seat.start_ago = MAX (0, MIN (m->joined_ago, start_ago) -
                                   g_rand_int_range (demo->rand, 0, 45));
          seat.reliability = roll < 65 ? RELIABLE : roll < 90 ? PATCHY
                                                              : DRIFTING;
          iso_ago (demo, seat.start_ago, start);
          membership = cr_store_add_membership (demo->store, m->id, group->id,
                                                kind, start, error);
          if (membership == 0)
            return FALSE;

          /* One in seven moves on, and someone takes the seat. */
          again = seat.start_ago > 240 &&
                  g_rand_int_range (demo->rand, 0, 7) == 0;
          if (again)
            {
              char end[16];

              seat.end_ago = g_rand_int_range (demo->rand, 1,
                                               seat.start_ago - 120);
              iso_ago (demo, seat.end_ago, end);
              if (!cr_store_end_membership (demo->store, membership, end,
                                            reasons[g_rand_int_range (demo->rand, 0,
                                                                      G_N_ELEMENTS (reasons))],
                                            error))
                return FALSE;
              start_ago = seat.end_ago - 1;
            }
          g_array_append_val (group->seats, seat);
        }
    }
  return TRUE;
}

typedef struct
{
  Demo       *demo;
  GArray     *current;       /* of Member */
  GArray     *contacts;      /* of gint64: never members; guests, officers */
  gint64      suspended;     /* barred from this many days ago … */
  int         suspended_from;
  guint       n_marks;
  gboolean    tie_made;
} Meetings;

static gint64
pick_contact (Meetings *ms)
{
  if (ms->contacts->len == 0)
    return 0;
  return g_array_index (ms->contacts, gint64,
                        g_rand_int_range (ms->demo->rand, 0, ms->contacts->len));
}

/* Marks the register of a held meeting. Returns the voting members
 * present, or -1 on error. */
static int
mark_register (Meetings   *ms,
               DemoGroup  *group,
               gint64      meeting_id,
               int         ago,
               gboolean    thin,
               GError    **error)
{
  static const int present_percent[] = { 88, 62, 25 };
  static const int apologies_percent[] = { 8, 25, 15 };
  Demo *demo = ms->demo;
  int voting_present = 0;
  guint n_guests;

  if (group->association)
    {
      /* An AGM: residents sign in at the door. */
      guint n = MIN (ms->current->len, 25 + (guint) g_rand_int_range (demo->rand, 0, 30));

      for (guint i = 0; i < n; i++)
        {
          Member *m = &g_array_index (ms->current, Member,
                                      g_rand_int_range (demo->rand, 0, ms->current->len));

          if (m->joined_ago < ago)
            continue;
          if (!cr_store_set_attendance (demo->store, meeting_id, m->id,
                                        CR_ATTENDANCE_PRESENT,
                                        CR_ATTENDEE_MEMBER, error))
            return -1;
          ms->n_marks++;
          voting_present++;
        }
    }
  else
    for (guint i = 0; i < group->seats->len; i++)
      {
        Seat *seat = &g_array_index (group->seats, Seat, i);
        CrAttendanceMark mark;
        int roll;

        if (seat->start_ago < ago || (seat->end_ago >= 0 && seat->end_ago > ago))
          continue;
        if (seat->person_id == ms->suspended && ago <= ms->suspended_from)
          continue;
        roll = g_rand_int_range (demo->rand, 0, 100);
        if (thin)
          mark = voting_present < 1 ? CR_ATTENDANCE_PRESENT
                                    : roll < 80 ? CR_ATTENDANCE_APOLOGIES
                                                : CR_ATTENDANCE_ABSENT;
        else if (roll < present_percent[seat->reliability])
          mark = CR_ATTENDANCE_PRESENT;
        else if (roll < present_percent[seat->reliability] +
                        apologies_percent[seat->reliability])
          mark = CR_ATTENDANCE_APOLOGIES;
        else
          mark = CR_ATTENDANCE_ABSENT;
        if (!cr_store_set_attendance (demo->store, meeting_id,
                                      seat->person_id, mark,
                                      CR_ATTENDEE_MEMBER, error))
          return -1;
        ms->n_marks++;
        if (mark == CR_ATTENDANCE_PRESENT && seat->kind == CR_MEMBERSHIP_VOTING)
          voting_present++;
      }

  /* A guest or two, and often an officer from the council. */
  n_guests = g_rand_int_range (demo->rand, 0, 3);
  for (guint i = 0; i <= n_guests; i++)
    {
      gint64 who = pick_contact (ms);
      gboolean officer = i == n_guests;

      if (who == 0 || (officer && g_rand_int_range (demo->rand, 0, 100) < 55))
        continue;
      if (!cr_store_set_attendance (demo->store, meeting_id, who,
                                    CR_ATTENDANCE_PRESENT,
                                    officer ? CR_ATTENDEE_OFFICER
                                            : CR_ATTENDEE_GUEST,
                                    error))
        return -1;
      ms->n_marks++;
    }
  return voting_present;
}

static gboolean
add_item (Demo        *demo,
          gint64       meeting_id,
          const char  *title,
          const char  *minute,
          gboolean     standing,
          gboolean     is_aob,
          gint64      *item_id,
          GError     **error)
{
  CrAgendaItem item = { 0 };

  item.meeting_id = meeting_id;
  item.title = (char *) title;
  item.minutes = (char *) minute;
  item.standing = standing;
  item.is_aob = is_aob;
  *item_id = cr_store_add_agenda_item (demo->store, &item, error);
  return *item_id != 0;
}

/* A decision on a topical item: by consensus, or a vote among those
 * present. */
static gboolean
add_decision (Meetings     *ms,
              DemoGroup    *group,
              gint64        item_id,
              const Topic  *topic,
              int           voting_present,
              gboolean      force_tie,
              GError      **error)
{
  Demo *demo = ms->demo;
  CrDecision decision = { 0 };
  guint voters = MAX (voting_present, 0);

  decision.item_id = item_id;
  decision.text = (char *) topic->decision;
  if (force_tie && voters >= 2)
    {
      decision.method = CR_DECISION_VOTE;
      decision.votes_for = decision.votes_against = voters / 2;
      decision.votes_abstain = voters % 2;
      decision.casting = CR_CASTING_VOTE_FOR;
      ms->tie_made = TRUE;
    }
  else if (!group->consensus_only && voters >= 3 &&
           g_rand_int_range (demo->rand, 0, 100) < 45)
    {
      decision.method = CR_DECISION_VOTE;
      decision.votes_for = g_rand_int_range (demo->rand, 0, voters + 1);
      decision.votes_against = g_rand_int_range (demo->rand, 0,
                                                 voters - decision.votes_for + 1);
      decision.votes_abstain = voters - decision.votes_for -
                               decision.votes_against;
      if (decision.votes_for == decision.votes_against && group->casting &&
          voters > 0)
        decision.casting = g_rand_boolean (demo->rand) ? CR_CASTING_VOTE_FOR
                                                       : CR_CASTING_VOTE_AGAINST;
    }
  return cr_store_add_decision (demo->store, &decision, group->casting,
                                error) != 0;
}

static gboolean
add_action (Meetings     *ms,
            gint64        meeting_id,
            gint64        item_id,
            const Topic  *topic,
            int           ago,
            gint64        owner,
            GError      **error)
{
  Demo *demo = ms->demo;
  CrAction action = { 0 };
  int due_ago = ago - 28;
  int roll = g_rand_int_range (demo->rand, 0, 100);
  char due[16], done[16];

  action.meeting_id = meeting_id;
  action.item_id = item_id;
  action.description = (char *) topic->action;
  if (owner != 0 && roll < 60)
    action.owner_person_id = owner;
  else if (roll < 88)
    action.owner_text = (char *) officer_owners[g_rand_int_range (demo->rand, 0,
                                                                  G_N_ELEMENTS (officer_owners))];
  iso_ago (demo, due_ago, due);
  action.due_date = due;

  roll = g_rand_int_range (demo->rand, 0, 100);
  if (due_ago > 30 ? roll < 75 : roll < 15)
    {
      int done_ago = CLAMP (due_ago + g_rand_int_range (demo->rand, -14, 15),
                            0, ago);

      action.status = CR_ACTION_DONE;
      action.outcome = (char *) topic->we_did;
      iso_ago (demo, done_ago, done);
      action.done_on = done;
    }
  else if (due_ago > 30 && roll < 85)
    {
      action.status = CR_ACTION_DROPPED;
      action.outcome = "Overtaken by events; no longer needed.";
    }
  else
    action.status = roll % 2 ? CR_ACTION_IN_PROGRESS : CR_ACTION_OPEN;
  return cr_store_add_action (demo->store, &action, error) != 0;
}

static gboolean
hold_meetings (Meetings   *ms,
               DemoGroup  *group,
               GError    **error)
{
  Demo *demo = ms->demo;
  g_autoptr (CrMeeting) previous = NULL;
  guint n_held = 0;
  /* The fourth meeting from the end that was held is thinly attended, and
   * what it decides must be ratified later. */
  guint thin_index = group->n_meetings > 6 ? group->n_meetings - 6 : G_MAXUINT;

  for (guint k = 0; k < group->n_meetings; k++)
    {
      int ago = group->dates[k];
      gboolean held = ago > 0;
      gboolean cancelled = held && k != thin_index &&
                           g_rand_int_range (demo->rand, 0, 100) < 3;
      CrMeeting meeting = { 0 };
      char date[16], papers[16], minutes[16];
      gint64 id, item_id;
      int voting_present = 0;
      guint n_topics;

      iso_ago (demo, ago, date);
      meeting.group_id = group->id;
      meeting.date = date;
      meeting.kind = group->association ? CR_MEETING_KIND_AGM
                     : group->voting < 10 ? CR_MEETING_KIND_SUB_GROUP
                                          : CR_MEETING_KIND_ORDINARY;
      meeting.status = cancelled ? CR_MEETING_STATUS_CANCELLED
                       : held ? CR_MEETING_STATUS_HELD
                              : CR_MEETING_STATUS_PLANNED;
      meeting.start_time = group->weekday == G_DATE_SATURDAY ? "10:30"
                                                             : "18:30";
      meeting.end_time = group->weekday == G_DATE_SATURDAY ? "12:30"
                                                           : "20:00";
      meeting.venue = (char *) (group->venue ? group->venue
                                             : venues[k % (G_N_ELEMENTS (venues) - 1)]);
      if (ago + 3 > 0 && !cancelled)
        {
          iso_ago (demo, ago + g_rand_int_range (demo->rand, 3, 10), papers);
          meeting.papers_sent_on = papers;
        }
      if (held && !cancelled)
        {
          int circulated = ago - g_rand_int_range (demo->rand, 2, 14);

          if (circulated >= 0)
            {
              iso_ago (demo, circulated, minutes);
              meeting.minutes_circulated_on = minutes;
            }
        }
      if (cancelled)
        meeting.notes = "Cancelled: the hall was double-booked.";

      id = cr_store_add_meeting (demo->store, &meeting, error);
      if (id == 0)
        return FALSE;

      /* The agenda: standing items carried over, two or three topics, and
       * any other business. */
      if (previous == NULL)
        {
          for (guint i = 0; i < G_N_ELEMENTS (standing_items); i++)
            if (!add_item (demo, id, standing_items[i], NULL, TRUE, FALSE,
                           &item_id, error))
              return FALSE;
          if (!add_item (demo, id, "Any other business", NULL, TRUE, TRUE,
                         &item_id, error))
            return FALSE;
        }
      else if (!cr_store_copy_standing_items (demo->store, id, NULL, error))
        return FALSE;

      if (held && !cancelled)
        {
          voting_present = mark_register (ms, group, id, ago, k == thin_index,
                                          error);
          if (voting_present < 0)
            return FALSE;
          n_held++;
        }

      n_topics = group->association ? 1 : g_rand_int_range (demo->rand, 1, 4);
      for (guint t = 0; t < n_topics; t++)
        {
          const Topic *topic = &topics[g_rand_int_range (demo->rand, 0,
                                                         G_N_ELEMENTS (topics))];
          gboolean minuted = held && !cancelled;

          if (!add_item (demo, id, group->association
                                     ? "Annual report and election of officers"
                                     : topic->title,
                         minuted ? topic->minute : NULL, FALSE, FALSE,
                         &item_id, error))
            return FALSE;
          if (!minuted)
            continue;
          if ((k == thin_index && t == 0) ||
              (!ms->tie_made && group->casting && t == 0 && n_held > 3) ||
              g_rand_int_range (demo->rand, 0, 100) < 50)
            if (!add_decision (ms, group, item_id, topic, voting_present,
                               !ms->tie_made && group->casting && t == 0 &&
                               n_held > 3 && k != thin_index,
                               error))
              return FALSE;
          if (!group->association && g_rand_int_range (demo->rand, 0, 100) < 55)
            {
              gint64 owner = group->seats->len > 0
                ? g_array_index (group->seats, Seat,
                                 g_rand_int_range (demo->rand, 0,
                                                   group->seats->len)).person_id
                : 0;

              if (!add_action (ms, id, item_id, topic, ago, owner, error))
                return FALSE;
            }
        }

      /* Each meeting approves the minutes of the last one held. */
      if (held && !cancelled)
        {
          if (previous != NULL)
            {
              previous->minutes_approved_at = id;
              if (!cr_store_update_meeting (demo->store, previous, error))
                return FALSE;
            }
          g_clear_pointer (&previous, cr_meeting_free);
          meeting.id = id;
          previous = cr_meeting_copy (&meeting);
        }
      else if (previous == NULL)
        {
          meeting.id = id;
          previous = cr_meeting_copy (&meeting);
          previous->status = CR_MEETING_STATUS_PLANNED;
        }
    }
  return TRUE;
}

static void
demo_group_clear (gpointer data)
{
  DemoGroup *group = data;

  g_free (group->dates);
  g_clear_pointer (&group->seats, g_array_unref);
}

/* Suspends one committee member from ten days ago for two months, and
 * records an exclusion that was overturned on appeal, a warning and a few
 * declarations of interest. */
static gboolean
add_conduct (Demo     *demo,
             GArray   *groups,
             gint64    suspended,
             int       suspended_from,
             GError  **error)
{
  static const char *const interests[] = {
    "Works part-time for the council’s repairs contractor",
    "A family member is on the housing register",
    "Trustee of the Meadowbank Community Centre",
    "Runs a catering business that may bid for the fun day",
  };
  DemoGroup *committee = &g_array_index (groups, DemoGroup, 1);
  DemoGroup *panel = &g_array_index (groups, DemoGroup, 2);
  char start[16], end[16], lodged[16], decided[16];

  if (suspended != 0)
    {
      CrConductEvent event = { 0 };

      iso_ago (demo, suspended_from, start);
      iso_ago (demo, suspended_from - 60, end);
      event.person_id = suspended;
      event.group_id = committee->id;
      event.kind = CR_CONDUCT_SUSPENSION;
      event.start_date = start;
      event.end_date = end;
      event.reason = "Shouted at and threatened another member during a "
                     "committee meeting";
      event.decided_by = "Committee, special meeting";
      if (cr_store_add_conduct (demo->store, &event, error) == 0)
        return FALSE;
    }

  if (panel->seats->len > 1)
    {
      CrConductEvent event = { 0 };
      gint64 id;

      iso_ago (demo, 400, start);
      event.person_id = g_array_index (panel->seats, Seat, 1).person_id;
      event.kind = CR_CONDUCT_EXCLUSION;
      event.start_date = start;
      event.reason = "Said to have shared confidential case papers";
      event.decided_by = "Tenants’ Scrutiny Panel";
      id = cr_store_add_conduct (demo->store, &event, error);
      iso_ago (demo, 385, lodged);
      iso_ago (demo, 350, decided);
      if (id == 0 ||
          !cr_store_record_appeal (demo->store, id, lodged,
                                   CR_APPEAL_OVERTURNED, decided, error))
        return FALSE;
    }

  if (committee->seats->len > 2)
    {
      CrConductEvent event = { 0 };

      iso_ago (demo, 200, start);
      event.person_id = g_array_index (committee->seats, Seat, 2).person_id;
      event.kind = CR_CONDUCT_WARNING;
      event.start_date = start;
      event.reason = "Spoke to the local paper for the group without "
                     "agreement";
      event.decided_by = "Chair and secretary";
      if (cr_store_add_conduct (demo->store, &event, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (interests) &&
                    i + 3 < committee->seats->len; i++)
    {
      gint64 person = g_array_index (committee->seats, Seat, i + 3).person_id;
      gint64 id;

      iso_ago (demo, 700 - 150 * (int) i, start);
      id = cr_store_add_interest (demo->store, person, start, interests[i],
                                  error);
      if (id == 0)
        return FALSE;
      if (i == 0)
        {
          iso_ago (demo, 90, end);
          if (!cr_store_end_interest (demo->store, id, end, error))
            return FALSE;
        }
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
  g_autoptr (GArray) contacts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) groups = g_array_new (FALSE, TRUE, sizeof (DemoGroup));
  gint64 association = cr_store_get_association_group (demo->store);
  gint64 committee, panel, working, focus;
  Meetings ms = { 0 };
  guint cursor = 0;
  guint n_estate_groups, n_meetings, n_agms, share, spare;

  g_array_set_clear_func (current, member_clear);
  g_array_set_clear_func (groups, demo_group_clear);

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
          gint64 id = cr_store_add_person (demo->store, person, error);

          if (id == 0)
            return FALSE;
          g_array_append_val (contacts, id);
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
          Member m = { cr_person_get_id (person), g_steal_pointer (&joined),
                       joined_days_ago };
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

  if (!add_offices (demo, current, association, &cursor, error))
    return FALSE;

  /* The groups, as the documents in shared/domain describe them: a
   * committee with a casting vote, a scrutiny panel quorate at half its
   * membership, a focus group that meets every six to eight weeks and
   * never in winter, decides by consensus and admits one member a
   * household. */
  {
    DemoGroup g[] = {
      { .id = association, .venue = "Meadowbank Community Centre",
        .quorum = "min(20,10%)", .association = TRUE,
        .weekday = G_DATE_SATURDAY, .week = 2 },
      { .id = committee, .quorum = "5", .voting = 12, .extra = 1,
        .extra_kind = CR_MEMBERSHIP_CO_OPTEE, .casting = TRUE,
        .weekday = G_DATE_TUESDAY, .week = 2 },
      { .id = panel, .venue = "Riverside Tenants’ Hall", .quorum = "50%",
        .voting = 8, .extra = 4, .extra_kind = CR_MEMBERSHIP_DEPUTY,
        .casting = TRUE, .weekday = G_DATE_WEDNESDAY, .week = 1 },
      { .id = working, .voting = 6, .weekday = G_DATE_THURSDAY, .week = 3 },
      { .id = focus, .venue = "Old Mill Library, meeting room 2",
        .quorum = "4", .voting = 8, .avoid_winter = TRUE,
        .consensus_only = TRUE, .weekday = G_DATE_MONDAY, .week = 3 },
    };

    g_array_append_vals (groups, g, G_N_ELEMENTS (g));
  }
  if (!cr_store_set_group_one_per_household (demo->store, focus, TRUE, error))
    return FALSE;

  /* A federation-sized file has a residents' group for each block, so that
   * groups and meetings scale with the membership. */
  n_estate_groups = options->members / 400;
  for (guint i = 0; i < n_estate_groups; i++)
    {
      const Estate *estate = &estates[i % G_N_ELEMENTS (estates)];
      g_autofree char *name = g_strdup_printf ("%s Residents’ Group %u",
                                               estate->estate, (guint) (i / G_N_ELEMENTS (estates) + 1));
      DemoGroup g = { 0 };

      g.id = cr_store_add_group (demo->store, name, CR_GROUP_KIND_SUB_GROUP,
                                 0, error);
      if (g.id == 0)
        return FALSE;
      g.venue = venues[i % G_N_ELEMENTS (venues)];
      g.quorum = i % 3 == 0 ? "max(3,25%)" : NULL;
      g.voting = 80;
      g.extra = 3;
      g.extra_kind = CR_MEMBERSHIP_ASSOCIATE;
      g.avoid_winter = i % 2 == 1;
      g.casting = i % 4 != 3;
      g.weekday = G_DATE_MONDAY + i % 4;
      g.week = 1 + i % 3;
      g_array_append_val (groups, g);
    }

  /* Share the meetings out: an AGM a year, the rest evenly. */
  n_meetings = options->meetings > 0 ? options->meetings
                                     : 30 * (groups->len - 1) + 5;
  n_agms = CLAMP (n_meetings / 50, 1, 10);
  n_agms = MIN (n_agms, n_meetings);
  share = (n_meetings - n_agms) / (groups->len - 1);
  spare = (n_meetings - n_agms) % (groups->len - 1);
  for (guint i = 0; i < groups->len; i++)
    {
      DemoGroup *group = &g_array_index (groups, DemoGroup, i);

      group->n_meetings = i == 0 ? n_agms : share + (i - 1 < spare ? 1 : 0);
      plan_dates (demo, group);
      if (group->quorum != NULL &&
          !cr_store_set_group_quorum (demo->store, group->id, group->quorum,
                                      error))
        return FALSE;
      if (i > 0 && !seat_members (demo, group, current, &cursor, error))
        return FALSE;
    }

  ms.demo = demo;
  ms.current = current;
  ms.contacts = contacts;
  {
    DemoGroup *c = &g_array_index (groups, DemoGroup, 1);

    ms.suspended = c->seats->len > 0 ? g_array_index (c->seats, Seat, 0).person_id
                                     : 0;
    ms.suspended_from = 10;
  }
  for (guint i = 0; i < groups->len; i++)
    if (!hold_meetings (&ms, &g_array_index (groups, DemoGroup, i), error))
      return FALSE;
  g_debug ("Demo: %u meetings, %u attendance marks", n_meetings, ms.n_marks);

  if (!add_conduct (demo, groups, ms.suspended, ms.suspended_from, error))
    return FALSE;
  /* The terms of reference first: other record books' rules are
   * changes to them. */
  if (!cr_demo_fill_terms (demo->store, demo->rand, &demo->today, error))
    return FALSE;
  if (!cr_demo_fill_workplan (demo->store, demo->rand, &demo->today, error))
    return FALSE;
  if (!cr_demo_fill_training (demo->store, demo->rand, &demo->today, error))
    return FALSE;
  if (!cr_demo_fill_money (demo->store, demo->rand, &demo->today, error))
    return FALSE;
  if (!cr_demo_fill_privacy (demo->store, demo->rand, &demo->today, error))
    return FALSE;
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
  /* CR_TODAY pins "today", so a seed gives the same file every time. */
  cr_date_today (&demo.today);

  if (!cr_store_begin (store, error))
    return FALSE;
  if (!fill (&demo, options, error))
    {
      cr_store_rollback (store);
      return FALSE;
    }
  return cr_store_commit (store, error);
}
