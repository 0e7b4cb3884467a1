/* test-meetings.c: meetings, agendas, attendance, quorum, decisions and
 * actions in the association file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cr-demo.h"
#include "cr-store-attendance.h"
#include "cr-store-conduct.h"
#include "cr-store-meetings.h"
#include "cr-store-people.h"
#include "cr-store-rules.h"

#include "cr-test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  CrStore *store;
  gint64   group;
  char    *out;
  char    *err;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = cr_test_make_tmpdir ("cr-meetings-XXXXXX");
  f->path = g_build_filename (f->dir, "test.commonroom", NULL);
  f->store = cr_store_create (f->path, "Meadowbank TRA", &error);
  g_assert_no_error (error);
  f->group = cr_store_add_group (f->store, "Committee", CR_GROUP_KIND_COMMITTEE,
                                 0, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  cr_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f->out);
  g_free (f->err);
}

static gint64
add_person (Fixture    *f,
            const char *given,
            const char *family)
{
  g_autoptr (CrPerson) person = cr_person_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  cr_person_set_given_name (person, given);
  cr_person_set_family_name (person, family);
  id = cr_store_add_person (f->store, person, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_member (Fixture          *f,
            const char       *given,
            const char       *family,
            CrMembershipKind  kind,
            const char       *start,
            const char       *end)
{
  g_autoptr (GError) error = NULL;
  gint64 person = add_person (f, given, family);
  gint64 membership = cr_store_add_membership (f->store, person, f->group,
                                               kind, start, &error);

  g_assert_no_error (error);
  if (end != NULL)
    {
      cr_store_end_membership (f->store, membership, end, CR_END_RESIGNED,
                               &error);
      g_assert_no_error (error);
    }
  return person;
}

static gint64
add_meeting (Fixture         *f,
             const char      *date,
             CrMeetingStatus  status)
{
  g_autoptr (GError) error = NULL;
  CrMeeting meeting = { 0 };
  gint64 id;

  meeting.group_id = f->group;
  meeting.date = (char *) date;
  meeting.status = status;
  id = cr_store_add_meeting (f->store, &meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
add_item (Fixture    *f,
          gint64      meeting,
          const char *title,
          gboolean    standing,
          gboolean    is_aob)
{
  g_autoptr (GError) error = NULL;
  CrAgendaItem item = { 0 };
  gint64 id;

  item.meeting_id = meeting;
  item.title = (char *) title;
  item.standing = standing;
  item.is_aob = is_aob;
  id = cr_store_add_agenda_item (f->store, &item, &error);
  g_assert_no_error (error);
  return id;
}

static void
mark (Fixture          *f,
      gint64            meeting,
      gint64            person,
      CrAttendanceMark  m,
      CrAttendeeRole    role)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (cr_store_set_attendance (f->store, meeting, person, m, role,
                                          &error));
  g_assert_no_error (error);
}

static char *
agenda_titles (Fixture *f,
               gint64   meeting)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = cr_store_list_agenda (f->store, meeting, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      CrAgendaItem *item = g_ptr_array_index (items, i);

      g_assert_cmpuint (item->position, ==, i + 1);
      g_string_append_printf (out, "%s%s", i ? "|" : "", item->title);
    }
  return g_string_free (out, FALSE);
}

static void
test_meeting_crud (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrMeeting) got = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GArray) ids = NULL;
  CrMeeting meeting = { 0 };
  gint64 first, second, other_group;

  meeting.group_id = f->group;
  meeting.date = "2026-03-10";
  meeting.start_time = "18:30";
  meeting.end_time = "20:00";
  meeting.venue = "Meadowbank Community Centre";
  meeting.kind = CR_MEETING_KIND_AGM;
  meeting.papers_sent_on = "2026-03-02";
  meeting.notes = "Cakes by Zoë";
  second = cr_store_add_meeting (f->store, &meeting, &error);
  g_assert_no_error (error);
  first = add_meeting (f, "2026-02-10", CR_MEETING_STATUS_HELD);

  got = cr_store_get_meeting (f->store, second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->date, ==, "2026-03-10");
  g_assert_cmpstr (got->start_time, ==, "18:30");
  g_assert_cmpstr (got->end_time, ==, "20:00");
  g_assert_cmpstr (got->venue, ==, "Meadowbank Community Centre");
  g_assert_cmpstr (got->group_name, ==, "Committee");
  g_assert_cmpint (got->kind, ==, CR_MEETING_KIND_AGM);
  g_assert_cmpint (got->status, ==, CR_MEETING_STATUS_PLANNED);
  g_assert_cmpstr (got->papers_sent_on, ==, "2026-03-02");
  g_assert_null (got->minutes_circulated_on);
  g_assert_cmpstr (got->notes, ==, "Cakes by Zoë");
  g_assert_cmpint (got->quorate, ==, CR_QUORATE_UNKNOWN);

  /* Update: held, minutes circulated, and approved at a later meeting. */
  got->status = CR_MEETING_STATUS_HELD;
  got->minutes_circulated_on = g_strdup ("2026-03-14");
  cr_store_update_meeting (f->store, got, &error);
  g_assert_no_error (error);
  {
    g_autoptr (CrMeeting) earlier = cr_store_get_meeting (f->store, first, &error);

    earlier->minutes_approved_at = second;
    g_assert_true (cr_store_update_meeting (f->store, earlier, &error));
    g_assert_no_error (error);
    earlier->minutes_approved_at = first;
    g_assert_false (cr_store_update_meeting (f->store, earlier, &error));
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Refusals. */
  meeting.date = "2026-02-30";
  g_assert_cmpint (cr_store_add_meeting (f->store, &meeting, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  meeting.date = "2026-02-03";
  meeting.start_time = "7pm";
  g_assert_cmpint (cr_store_add_meeting (f->store, &meeting, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  meeting.start_time = "21:00";
  g_assert_cmpint (cr_store_add_meeting (f->store, &meeting, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ends before it starts"));
  g_clear_error (&error);
  meeting.start_time = NULL;
  meeting.group_id = 999;
  g_assert_cmpint (cr_store_add_meeting (f->store, &meeting, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (cr_store_get_meeting (f->store, 999, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Lists in date order, per group or all. */
  other_group = cr_store_add_group (f->store, "Panel", CR_GROUP_KIND_PANEL, 0,
                                    &error);
  meeting.group_id = other_group;
  meeting.date = "2026-01-01";
  cr_store_add_meeting (f->store, &meeting, &error);
  g_assert_no_error (error);
  list = cr_store_list_meetings (f->store, f->group, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((CrMeeting *) list->pdata[0])->id, ==, first);
  g_assert_cmpint (((CrMeeting *) list->pdata[1])->id, ==, second);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cr_store_list_meetings (f->store, 0, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (((CrMeeting *) list->pdata[0])->group_name, ==, "Panel");
  ids = cr_store_list_meeting_ids (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, first);

  /* Deleting the later meeting: the earlier no longer names it. */
  add_item (f, second, "Minutes", TRUE, FALSE);
  g_assert_true (cr_store_delete_meeting (f->store, second, &error));
  g_assert_no_error (error);
  {
    g_autoptr (CrMeeting) earlier = cr_store_get_meeting (f->store, first, &error);

    g_assert_cmpint (earlier->minutes_approved_at, ==, 0);
  }
  g_assert_false (cr_store_delete_meeting (f->store, second, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
}

static void
test_group_quorum (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  char *rule;

  rule = cr_store_get_group_quorum (f->store, f->group, &error);
  g_assert_cmpstr (rule, ==, CR_QUORUM_DEFAULT);
  g_free (rule);
  g_assert_true (cr_store_set_group_quorum (f->store, f->group, " MIN(33%, 10) ", &error));
  g_assert_no_error (error);
  rule = cr_store_get_group_quorum (f->store, f->group, &error);
  g_assert_cmpstr (rule, ==, "min(10,33%)");
  g_free (rule);
  g_assert_false (cr_store_set_group_quorum (f->store, f->group, "half", &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cr_store_set_group_quorum (f->store, 999, "4", &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (cr_store_set_group_quorum (f->store, f->group, NULL, &error));
  rule = cr_store_get_group_quorum (f->store, f->group, &error);
  g_assert_cmpstr (rule, ==, "3");
  g_free (rule);
}

static void
test_agenda (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  gint64 meeting = add_meeting (f, "2026-03-10", CR_MEETING_STATUS_PLANNED);
  gint64 apologies, minutes, aob, repairs, bins;
  char *titles;

  apologies = add_item (f, meeting, "Apologies", TRUE, FALSE);
  aob = add_item (f, meeting, "Any other business", TRUE, TRUE);
  minutes = add_item (f, meeting, "Minutes of the last meeting", TRUE, FALSE);
  repairs = add_item (f, meeting, " Repairs ", FALSE, FALSE);
  titles = agenda_titles (f, meeting);
  /* Items added after AOB still go before it. */
  g_assert_cmpstr (titles, ==, "Apologies|Minutes of the last meeting|Repairs|Any other business");
  g_free (titles);

  /* One AOB only. */
  {
    CrAgendaItem again = { .meeting_id = meeting, .title = "AOB", .is_aob = TRUE };

    g_assert_cmpint (cr_store_add_agenda_item (f->store, &again, &error), ==, 0);
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS);
    g_clear_error (&error);
    again.is_aob = FALSE;
    again.title = "   ";
    g_assert_cmpint (cr_store_add_agenda_item (f->store, &again, &error), ==, 0);
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Moving: the last item down stays above AOB; AOB doesn't move. */
  g_assert_true (cr_store_move_agenda_item (f->store, repairs, 1, &error));
  g_assert_no_error (error);
  titles = agenda_titles (f, meeting);
  g_assert_cmpstr (titles, ==, "Apologies|Minutes of the last meeting|Repairs|Any other business");
  g_free (titles);
  g_assert_false (cr_store_move_agenda_item (f->store, aob, -1, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cr_store_move_agenda_item (f->store, repairs, -1, &error));
  g_assert_true (cr_store_move_agenda_item (f->store, repairs, -1, &error));
  g_assert_true (cr_store_move_agenda_item (f->store, repairs, -1, &error));
  g_assert_no_error (error);
  titles = agenda_titles (f, meeting);
  g_assert_cmpstr (titles, ==, "Repairs|Apologies|Minutes of the last meeting|Any other business");
  g_free (titles);
  g_assert_true (cr_store_move_agenda_item (f->store, apologies, 1, &error));
  titles = agenda_titles (f, meeting);
  g_assert_cmpstr (titles, ==, "Repairs|Minutes of the last meeting|Apologies|Any other business");
  g_free (titles);

  /* Update and delete; the rest close up. */
  {
    CrAgendaItem item = { .id = minutes, .title = "Minutes and matters arising",
                          .standing = TRUE, .minutes = "Approved as a true record." };

    g_assert_true (cr_store_update_agenda_item (f->store, &item, &error));
    g_assert_no_error (error);
    item.id = 999;
    g_assert_false (cr_store_update_agenda_item (f->store, &item, &error));
    g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  g_assert_true (cr_store_delete_agenda_item (f->store, repairs, &error));
  g_assert_no_error (error);
  titles = agenda_titles (f, meeting);
  g_assert_cmpstr (titles, ==, "Minutes and matters arising|Apologies|Any other business");
  g_free (titles);
  bins = add_item (f, meeting, "Bin stores", FALSE, FALSE);
  g_assert_cmpint (bins, >, 0);
  titles = agenda_titles (f, meeting);
  g_assert_cmpstr (titles, ==, "Minutes and matters arising|Apologies|Bin stores|Any other business");
  g_free (titles);

  /* The next meeting starts with the standing items, above its own. */
  {
    gint64 next = add_meeting (f, "2026-04-14", CR_MEETING_STATUS_PLANNED);
    guint n = 0;

    add_item (f, next, "Play area", FALSE, FALSE);
    add_item (f, next, "Apologies", FALSE, FALSE);
    g_assert_true (cr_store_copy_standing_items (f->store, next, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 2);
    titles = agenda_titles (f, next);
    g_assert_cmpstr (titles, ==, "Minutes and matters arising|Play area|Apologies|Any other business");
    g_free (titles);
    /* Copying again adds nothing. */
    g_assert_true (cr_store_copy_standing_items (f->store, next, &n, &error));
    g_assert_cmpuint (n, ==, 0);
  }
  /* A group's first meeting has nothing to copy. */
  {
    gint64 earliest = add_meeting (f, "2025-01-14", CR_MEETING_STATUS_HELD);
    guint n = 99;

    g_assert_true (cr_store_copy_standing_items (f->store, earliest, &n, &error));
    g_assert_cmpuint (n, ==, 0);
  }
}

/* Seven voting members of the committee on 2026-03-10, one co-optee, one
 * who joined after and one who left before; a guest and an officer. */
typedef struct
{
  gint64 voting[7];
  gint64 co_optee;
  gint64 joined_after;
  gint64 left_before;
  gint64 guest;
  gint64 officer;
  gint64 meeting;
} People;

static void
make_people (Fixture *f,
             People  *p)
{
  static const char *const names[][2] = {
    { "Zoë", "O’Brien" }, { "Seán", "Ó Súilleabháin" }, { "Aisha", "Abdi" },
    { "Kwame", "Mensah" }, { "Ewa", "Nowak" }, { "Tracey", "Smith" },
    { "Gary", "Smith" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    p->voting[i] = add_member (f, names[i][0], names[i][1],
                               CR_MEMBERSHIP_VOTING, "2024-01-01", NULL);
  p->co_optee = add_member (f, "Priya", "Patel", CR_MEMBERSHIP_CO_OPTEE,
                            "2025-06-01", NULL);
  p->joined_after = add_member (f, "Mei", "Wong", CR_MEMBERSHIP_VOTING,
                                "2026-03-11", NULL);
  p->left_before = add_member (f, "John", "Taylor", CR_MEMBERSHIP_VOTING,
                               "2020-01-01", "2026-03-09");
  p->guest = add_person (f, "Grace", "Visitor");
  p->officer = add_person (f, "Olivia", "Housing-Officer");
  p->meeting = add_meeting (f, "2026-03-10", CR_MEETING_STATUS_HELD);
}

static void
test_expected (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) expected = NULL;
  g_autoptr (GPtrArray) marks = NULL;
  People p = { { 0 } };
  CrConductEvent suspension = { 0 };
  GString *names = g_string_new (NULL);
  g_autofree char *joined = NULL;

  make_people (f, &p);
  suspension.person_id = p.voting[3];
  suspension.kind = CR_CONDUCT_SUSPENSION;
  suspension.start_date = "2026-03-01";
  suspension.end_date = "2026-04-30";
  suspension.reason = "Threatened a neighbour";
  cr_store_add_conduct (f->store, &suspension, &error);
  g_assert_no_error (error);
  mark (f, p.meeting, p.voting[0], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  mark (f, p.meeting, p.voting[1], CR_ATTENDANCE_APOLOGIES, CR_ATTENDEE_MEMBER);
  mark (f, p.meeting, p.guest, CR_ATTENDANCE_PRESENT, CR_ATTENDEE_GUEST);

  expected = cr_store_list_expected (f->store, p.meeting, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < expected->len; i++)
    {
      CrExpectedAttendee *e = g_ptr_array_index (expected, i);

      g_string_append_printf (names, "%s%s", i ? "|" : "", e->name);
      if (e->person_id == p.voting[0])
        g_assert_cmpint (e->mark, ==, CR_ATTENDANCE_PRESENT);
      else if (e->person_id == p.voting[1])
        g_assert_cmpint (e->mark, ==, CR_ATTENDANCE_APOLOGIES);
      else
        g_assert_cmpint (e->mark, ==, CR_ATTENDANCE_NONE);
      if (e->person_id == p.co_optee)
        {
          g_assert_false (e->voting);
          g_assert_cmpint (e->membership_kind, ==, CR_MEMBERSHIP_CO_OPTEE);
        }
      else
        g_assert_true (e->voting);
      g_assert_cmpstr (e->sanction, ==, e->person_id == p.voting[3] ? "suspension" : NULL);
    }
  joined = g_string_free (names, FALSE);
  /* By family name then given name; nobody who joined after or left
   * before, no guest. */
  g_assert_cmpstr (joined, ==, "Aisha Abdi|Kwame Mensah|Ewa Nowak|"
                               "Seán Ó Súilleabháin|Zoë O’Brien|Priya Patel|"
                               "Gary Smith|Tracey Smith");

  marks = cr_store_list_attendance (f->store, p.meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (marks->len, ==, 3);
  g_assert_cmpint (((CrAttendanceRecord *) marks->pdata[2])->role, ==, CR_ATTENDEE_GUEST);

  /* One click, one upsert; clearing takes the mark away. */
  mark (f, p.meeting, p.voting[0], CR_ATTENDANCE_ABSENT, CR_ATTENDEE_MEMBER);
  g_assert_true (cr_store_clear_attendance (f->store, p.meeting, p.voting[1], &error));
  g_assert_no_error (error);
  g_clear_pointer (&marks, g_ptr_array_unref);
  marks = cr_store_list_attendance (f->store, p.meeting, &error);
  g_assert_cmpuint (marks->len, ==, 2);
  g_assert_cmpint (((CrAttendanceRecord *) marks->pdata[0])->mark, ==, CR_ATTENDANCE_ABSENT);

  g_assert_false (cr_store_set_attendance (f->store, p.meeting, 9999,
                                           CR_ATTENDANCE_PRESENT,
                                           CR_ATTENDEE_MEMBER, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (cr_store_list_expected (f->store, 9999, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
}

static void
test_quorum_count (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  People p = { { 0 } };
  guint members = 0, present = 0, required = 0;
  gboolean met = TRUE;

  make_people (f, &p);
  cr_store_set_group_quorum (f->store, f->group, "4", &error);
  g_assert_no_error (error);
  /* Not held yet, nobody marked: not known. */
  {
    g_autoptr (CrMeeting) m = cr_store_get_meeting (f->store, p.meeting, &error);

    g_assert_cmpint (m->quorate, ==, CR_QUORATE_UNKNOWN);
  }
  /* Three voting members, the co-optee, a guest, an officer, and someone
   * who left before: only three count. */
  mark (f, p.meeting, p.voting[0], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  mark (f, p.meeting, p.voting[1], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  mark (f, p.meeting, p.voting[2], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  mark (f, p.meeting, p.voting[3], CR_ATTENDANCE_APOLOGIES, CR_ATTENDEE_MEMBER);
  mark (f, p.meeting, p.co_optee, CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  mark (f, p.meeting, p.guest, CR_ATTENDANCE_PRESENT, CR_ATTENDEE_GUEST);
  mark (f, p.meeting, p.officer, CR_ATTENDANCE_PRESENT, CR_ATTENDEE_OFFICER);
  mark (f, p.meeting, p.left_before, CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  g_assert_true (cr_store_count_voting (f->store, p.meeting, &members, &present, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (members, ==, 7);
  g_assert_cmpuint (present, ==, 3);
  g_assert_true (cr_store_get_meeting_quorum (f->store, p.meeting, &required, &present, &met, &error));
  g_assert_cmpuint (required, ==, 4);
  g_assert_cmpuint (present, ==, 3);
  g_assert_false (met);
  {
    g_autoptr (CrMeeting) m = cr_store_get_meeting (f->store, p.meeting, &error);

    g_assert_cmpint (m->quorate, ==, CR_QUORATE_NO);
  }
  /* A voting member marked as an officer still doesn't count. */
  mark (f, p.meeting, p.voting[4], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_OFFICER);
  cr_store_get_meeting_quorum (f->store, p.meeting, NULL, &present, &met, &error);
  g_assert_cmpuint (present, ==, 3);
  mark (f, p.meeting, p.voting[4], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  cr_store_get_meeting_quorum (f->store, p.meeting, NULL, &present, &met, &error);
  g_assert_cmpuint (present, ==, 4);
  g_assert_true (met);
}

static void
test_quorum_percent (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  People p = { { 0 } };
  CrConductEvent suspension = { 0 };
  guint members = 0, present = 0, required = 0;
  gboolean met = FALSE;

  make_people (f, &p);
  cr_store_set_group_quorum (f->store, f->group, "50%", &error);
  /* 50% of 7 voting members, rounded up, is 4. */
  for (guint i = 0; i < 3; i++)
    mark (f, p.meeting, p.voting[i], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
  mark (f, p.meeting, p.officer, CR_ATTENDANCE_PRESENT, CR_ATTENDEE_OFFICER);
  mark (f, p.meeting, p.guest, CR_ATTENDANCE_PRESENT, CR_ATTENDEE_GUEST);
  cr_store_get_meeting_quorum (f->store, p.meeting, &required, &present, &met, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (required, ==, 4);
  g_assert_cmpuint (present, ==, 3);
  g_assert_false (met);

  /* Suspend one who wasn't there: 6 may take part, 50% is 3. */
  suspension.person_id = p.voting[6];
  suspension.group_id = f->group;
  suspension.kind = CR_CONDUCT_SUSPENSION;
  suspension.start_date = "2026-03-01";
  suspension.end_date = "2026-03-31";
  suspension.reason = "Abusive messages to the secretary";
  cr_store_add_conduct (f->store, &suspension, &error);
  g_assert_no_error (error);
  cr_store_count_voting (f->store, p.meeting, &members, &present, &error);
  g_assert_cmpuint (members, ==, 6);
  cr_store_get_meeting_quorum (f->store, p.meeting, &required, &present, &met, &error);
  g_assert_cmpuint (required, ==, 3);
  g_assert_true (met);

  /* min(10,33%) of 6 is 2; max(5,25%) is 5. */
  cr_store_set_group_quorum (f->store, f->group, "min(10,33%)", &error);
  cr_store_get_meeting_quorum (f->store, p.meeting, &required, NULL, &met, &error);
  g_assert_cmpuint (required, ==, 2);
  cr_store_set_group_quorum (f->store, f->group, "max(5,25%)", &error);
  cr_store_get_meeting_quorum (f->store, p.meeting, &required, NULL, &met, &error);
  g_assert_cmpuint (required, ==, 5);
  g_assert_false (met);
  g_assert_no_error (error);
}

static void
test_decisions (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  People p = { { 0 } };
  CrDecision d = { 0 };
  gint64 item;

  make_people (f, &p);
  item = add_item (f, p.meeting, "Play area", FALSE, FALSE);
  for (guint i = 0; i < 4; i++)
    mark (f, p.meeting, p.voting[i], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);

  /* Consensus. */
  d.item_id = item;
  d.text = "Agreed to apply for a grant.";
  d.votes_for = 9;
  g_assert_cmpint (cr_store_add_decision (f->store, &d, TRUE, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (d.outcome, ==, CR_VOTE_CONSENSUS);
  g_assert_true (d.quorate_at_time);
  g_assert_cmpuint (d.votes_for, ==, 0);

  /* A vote, carried; a tie; a tie broken by the chair. */
  d.method = CR_DECISION_VOTE;
  d.votes_for = 3;
  d.votes_against = 1;
  d.votes_abstain = 0;
  cr_store_add_decision (f->store, &d, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d.outcome, ==, CR_VOTE_CARRIED);
  d.votes_for = 2;
  d.votes_against = 2;
  cr_store_add_decision (f->store, &d, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d.outcome, ==, CR_VOTE_TIED);
  d.casting = CR_CASTING_VOTE_AGAINST;
  cr_store_add_decision (f->store, &d, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d.outcome, ==, CR_VOTE_DEFEATED);

  /* Refused: a casting vote from a chair without one, or with no tie;
   * no votes at all; no text. */
  g_assert_cmpint (cr_store_add_decision (f->store, &d, FALSE, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  d.votes_for = 3;
  g_assert_cmpint (cr_store_add_decision (f->store, &d, TRUE, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  d.casting = CR_CASTING_VOTE_NONE;
  d.votes_for = d.votes_against = 0;
  g_assert_cmpint (cr_store_add_decision (f->store, &d, TRUE, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  d.votes_for = 1;
  d.text = " ";
  g_assert_cmpint (cr_store_add_decision (f->store, &d, TRUE, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  d.text = "Something";
  d.item_id = 9999;
  g_assert_cmpint (cr_store_add_decision (f->store, &d, TRUE, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Inquorate: two of seven present; to be ratified. */
  for (guint i = 2; i < 4; i++)
    mark (f, p.meeting, p.voting[i], CR_ATTENDANCE_APOLOGIES, CR_ATTENDEE_MEMBER);
  d.item_id = item;
  d.method = CR_DECISION_CONSENSUS;
  d.text = "Recommend new play equipment.";
  cr_store_add_decision (f->store, &d, TRUE, &error);
  g_assert_no_error (error);
  g_assert_false (d.quorate_at_time);

  list = cr_store_list_decisions (f->store, item, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 5);
  {
    CrDecision *tie = g_ptr_array_index (list, 3);
    CrDecision *last = g_ptr_array_index (list, 4);

    g_assert_cmpint (tie->method, ==, CR_DECISION_VOTE);
    g_assert_cmpuint (tie->votes_for, ==, 2);
    g_assert_cmpuint (tie->votes_against, ==, 2);
    g_assert_cmpint (tie->casting, ==, CR_CASTING_VOTE_AGAINST);
    g_assert_cmpint (tie->outcome, ==, CR_VOTE_DEFEATED);
    g_assert_true (tie->quorate_at_time);
    g_assert_cmpint (last->outcome, ==, CR_VOTE_CONSENSUS);
    g_assert_false (last->quorate_at_time);
  }

  /* Deleting the item takes its decisions with it. */
  cr_store_delete_agenda_item (f->store, item, &error);
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cr_store_list_decisions (f->store, item, &error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  People p = { { 0 } };
  CrAction a = { 0 };
  gint64 item, later, first, second, third, panel;

  g_setenv ("CR_TODAY", "2026-05-01", TRUE);
  make_people (f, &p);
  item = add_item (f, p.meeting, "Lighting", FALSE, FALSE);
  later = add_meeting (f, "2026-04-14", CR_MEETING_STATUS_HELD);

  a.meeting_id = p.meeting;
  a.item_id = item;
  a.description = "Report the broken lights";
  a.owner_person_id = p.voting[0];
  a.due_date = "2026-03-31";
  first = cr_store_add_action (f->store, &a, &error);
  g_assert_no_error (error);
  a.owner_person_id = 0;
  a.owner_text = "Housing officer";
  a.description = "Chase the repairs team";
  a.item_id = 0;
  second = cr_store_add_action (f->store, &a, &error);
  g_assert_no_error (error);
  a.meeting_id = later;
  a.owner_text = NULL;
  a.due_date = NULL;
  a.description = "Newsletter";
  a.status = CR_ACTION_DONE;
  third = cr_store_add_action (f->store, &a, &error);
  g_assert_no_error (error);

  /* Refused: two owners, another meeting's item, no description. */
  a.owner_person_id = p.voting[1];
  a.owner_text = "Council";
  g_assert_cmpint (cr_store_add_action (f->store, &a, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  a.owner_text = NULL;
  a.item_id = item;
  g_assert_cmpint (cr_store_add_action (f->store, &a, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  a.item_id = 0;
  a.description = "";
  g_assert_cmpint (cr_store_add_action (f->store, &a, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  list = cr_store_list_actions (f->store, p.meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  {
    CrAction *one = g_ptr_array_index (list, 0);
    CrAction *two = g_ptr_array_index (list, 1);

    g_assert_cmpint (one->id, ==, first);
    g_assert_cmpstr (one->owner_name, ==, "Zoë O’Brien");
    g_assert_cmpstr (one->meeting_date, ==, "2026-03-10");
    g_assert_cmpstr (one->group_name, ==, "Committee");
    g_assert_cmpint (one->item_id, ==, item);
    g_assert_true (cr_action_is_overdue (one, "2026-05-01"));
    g_assert_cmpint (two->id, ==, second);
    g_assert_cmpstr (two->owner_name, ==, "Housing officer");
  }
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cr_store_list_actions (f->store, later, &error);
  g_assert_cmpstr (((CrAction *) list->pdata[0])->done_on, ==, "2026-05-01");
  g_assert_cmpint (((CrAction *) list->pdata[0])->id, ==, third);

  /* You said, we did. */
  g_assert_true (cr_store_update_action (f->store, first, CR_ACTION_DONE,
                                         "All eight lights repaired.",
                                         "2026-04-20", &error));
  g_assert_no_error (error);
  g_assert_true (cr_store_update_action (f->store, second, CR_ACTION_IN_PROGRESS,
                                         NULL, NULL, &error));
  g_assert_false (cr_store_update_action (f->store, 9999, CR_ACTION_DONE, NULL,
                                          NULL, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_pointer (&list, g_ptr_array_unref);
  list = cr_store_list_action_log (f->store, CR_ACTIONS_CLOSED, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((CrAction *) list->pdata[0])->id, ==, first);
  g_assert_cmpstr (((CrAction *) list->pdata[0])->outcome, ==, "All eight lights repaired.");
  g_assert_cmpstr (((CrAction *) list->pdata[0])->done_on, ==, "2026-04-20");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cr_store_list_action_log (f->store, CR_ACTIONS_OPEN, f->group, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((CrAction *) list->pdata[0])->status, ==, CR_ACTION_IN_PROGRESS);
  panel = cr_store_add_group (f->store, "Panel", CR_GROUP_KIND_PANEL, 0, &error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cr_store_list_action_log (f->store, CR_ACTIONS_ALL, panel, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cr_store_list_action_log (f->store, CR_ACTIONS_ALL, 0, &error);
  g_assert_cmpuint (list->len, ==, 3);

  /* Reopening clears the date it was done. */
  cr_store_update_action (f->store, first, CR_ACTION_OPEN, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = cr_store_list_actions (f->store, p.meeting, &error);
  g_assert_null (((CrAction *) list->pdata[0])->done_on);
  g_assert_cmpstr (((CrAction *) list->pdata[0])->outcome, ==, "All eight lights repaired.");
  g_unsetenv ("CR_TODAY");
}

/* Runs commonroom-cli with the arguments up to NULL; keeps its output. */
static int
run (Fixture *f, const char *first, ...)
{
  va_list args;
  int     status;

  va_start (args, first);
  status = cr_test_run_cli_va (&f->out, &f->err, NULL, first, args);
  va_end (args);
  return status;
}

static void
test_demo_and_cli (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *demo = g_build_filename (f->dir, "demo.commonroom", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *array;
  guint n_yes = 0, n_no = 0, n_unknown = 0;

  g_setenv ("CR_TODAY", "2026-11-22", TRUE);
  g_assert_cmpint (run (f, "--file", demo, "demo", "--members", "300",
                        "--meetings", "150", NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", demo, "meetings", "list", "--format",
                        "json", NULL), ==, 0);
  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 150);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      JsonNode *quorate = json_object_get_member (o, "quorate");

      g_assert_cmpint (json_object_get_int_member (o, "id"), >, 0);
      g_assert_nonnull (json_object_get_string_member (o, "group"));
      if (i > 0)
        g_assert_cmpstr (json_object_get_string_member (o, "date"), >=,
                         json_object_get_string_member (json_array_get_object_element (array, i - 1), "date"));
      if (JSON_NODE_HOLDS_NULL (quorate))
        n_unknown++;
      else if (json_node_get_boolean (quorate))
        n_yes++;
      else
        n_no++;
    }
  g_assert_cmpuint (n_yes, >, 50);
  g_assert_cmpuint (n_no, >, 0);
  g_assert_cmpuint (n_unknown, >, 0);

  g_assert_cmpint (run (f, "--file", demo, "meetings", "list", "--group",
                        "committee", "--format", "csv", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "id,date,group,kind,status,quorate,"));
  g_assert_nonnull (strstr (f->out, ",Committee,ordinary,held,yes,"));
  g_assert_null (strstr (f->out, "Panel"));
  g_assert_cmpint (run (f, "--file", demo, "meetings", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Committee"));
  g_assert_cmpint (run (f, "--file", demo, "meetings", "list", "--group",
                        "Nobody", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "Nobody"));
  g_assert_cmpint (run (f, "--file", demo, "meetings", "list", "--format",
                        "xml", NULL), ==, 2);
  g_assert_cmpint (run (f, "--file", demo, "meetings", NULL), ==, 2);
  g_assert_cmpint (run (f, "--file", demo, "meetings", "--help", NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", demo, "meetings", "list", "--help", NULL), ==, 0);
  g_assert_cmpint (run (f, "--file", demo, "demo", "--meetings", "-1", NULL), ==, 2);

  /* The demo shows the register's harder cases. */
  {
    g_autoptr (CrStore) store = cr_store_open (demo, CR_STORE_OPEN_READ_ONLY, &error);
    g_autoptr (GPtrArray) log = NULL;
    g_autoptr (GPtrArray) meetings = NULL;
    guint n_overdue = 0, n_done = 0, n_ratify = 0, n_casting = 0, n_guests = 0;

    g_assert_no_error (error);
    log = cr_store_list_action_log (store, CR_ACTIONS_ALL, 0, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < log->len; i++)
      {
        CrAction *a = g_ptr_array_index (log, i);

        n_overdue += cr_action_is_overdue (a, "2026-11-22");
        n_done += a->status == CR_ACTION_DONE && a->outcome != NULL;
      }
    g_assert_cmpuint (n_overdue, >, 0);
    g_assert_cmpuint (n_done, >, 0);
    meetings = cr_store_list_meetings (store, 0, &error);
    for (guint i = 0; i < meetings->len; i++)
      {
        CrMeeting *m = g_ptr_array_index (meetings, i);
        g_autoptr (GPtrArray) items = cr_store_list_agenda (store, m->id, &error);
        g_autoptr (GPtrArray) marks = cr_store_list_attendance (store, m->id, &error);

        g_assert_true (((CrAgendaItem *) items->pdata[items->len - 1])->is_aob);
        for (guint j = 0; j < marks->len; j++)
          n_guests += ((CrAttendanceRecord *) marks->pdata[j])->role != CR_ATTENDEE_MEMBER;
        for (guint j = 0; j < items->len; j++)
          {
            g_autoptr (GPtrArray) decisions =
              cr_store_list_decisions (store, ((CrAgendaItem *) items->pdata[j])->id, &error);

            for (guint k = 0; k < decisions->len; k++)
              {
                CrDecision *d = g_ptr_array_index (decisions, k);

                n_ratify += !d->quorate_at_time;
                n_casting += d->casting != CR_CASTING_VOTE_NONE;
              }
          }
      }
    g_assert_cmpuint (n_ratify, >, 0);
    g_assert_cmpuint (n_casting, >, 0);
    g_assert_cmpuint (n_guests, >, 0);
  }
  g_unsetenv ("CR_TODAY");
}

static CrDecision *
find_decision (Fixture *f,
               gint64   item,
               gint64   id)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;

  list = cr_store_list_decisions (f->store, item, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    if (((CrDecision *) g_ptr_array_index (list, i))->id == id)
      return g_ptr_array_steal_index (list, i);
  return NULL;
}

/* A decision corrected: its outcome is derived again from the corrected
 * votes; a refused correction changes nothing; deleting one leaves the
 * others and the item. */
static void
test_decision_edit (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrDecision) stored = NULL;
  g_autoptr (GPtrArray) list = NULL;
  People p = { { 0 } };
  CrDecision d = { 0 };
  CrDecision other = { 0 };
  gint64 item, id;

  make_people (f, &p);
  item = add_item (f, p.meeting, "Play area", FALSE, FALSE);
  for (guint i = 0; i < 4; i++)
    mark (f, p.meeting, p.voting[i], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);

  d.item_id = item;
  d.text = "To ask for new swings.";
  d.method = CR_DECISION_VOTE;
  d.votes_for = 3;
  d.votes_against = 1;
  id = cr_store_add_decision (f->store, &d, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (d.outcome, ==, CR_VOTE_CARRIED);
  other.item_id = item;
  other.text = "To thank the caretaker.";
  cr_store_add_decision (f->store, &other, TRUE, &error);
  g_assert_no_error (error);

  /* The count was wrong: one for, three against. The outcome follows,
   * whatever the caller had in it. */
  d.votes_for = 1;
  d.votes_against = 3;
  d.outcome = CR_VOTE_CARRIED;
  d.text = "  To ask for new swings and a slide.  ";
  g_assert_true (cr_store_update_decision (f->store, &d, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (d.outcome, ==, CR_VOTE_DEFEATED);
  stored = find_decision (f, item, id);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored->text, ==, "To ask for new swings and a slide.");
  g_assert_cmpuint (stored->votes_for, ==, 1);
  g_assert_cmpuint (stored->votes_against, ==, 3);
  g_assert_cmpint (stored->outcome, ==, CR_VOTE_DEFEATED);
  g_assert_true (stored->quorate_at_time);
  g_clear_pointer (&stored, cr_decision_free);

  /* A tie broken by the chair's casting vote for. */
  d.votes_for = 2;
  d.votes_against = 2;
  d.casting = CR_CASTING_VOTE_FOR;
  g_assert_true (cr_store_update_decision (f->store, &d, TRUE, &error));
  g_assert_no_error (error);
  stored = find_decision (f, item, id);
  g_assert_cmpint (stored->outcome, ==, CR_VOTE_CARRIED);
  g_assert_cmpint (stored->casting, ==, CR_CASTING_VOTE_FOR);
  g_clear_pointer (&stored, cr_decision_free);

  /* Refused, and nothing changed: a casting vote without a tie, a chair
   * without a casting vote, no text, a decision no longer there. */
  d.votes_for = 3;
  g_assert_false (cr_store_update_decision (f->store, &d, TRUE, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  d.votes_for = 2;
  g_assert_false (cr_store_update_decision (f->store, &d, FALSE, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  d.text = "   ";
  g_assert_false (cr_store_update_decision (f->store, &d, TRUE, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  stored = find_decision (f, item, id);
  g_assert_cmpstr (stored->text, ==, "To ask for new swings and a slide.");
  g_assert_cmpint (stored->outcome, ==, CR_VOTE_CARRIED);
  g_clear_pointer (&stored, cr_decision_free);

  /* Now by consensus: the votes go. */
  d.text = "To ask for new swings.";
  d.method = CR_DECISION_CONSENSUS;
  d.casting = CR_CASTING_VOTE_NONE;
  g_assert_true (cr_store_update_decision (f->store, &d, TRUE, &error));
  g_assert_no_error (error);
  stored = find_decision (f, item, id);
  g_assert_cmpint (stored->method, ==, CR_DECISION_CONSENSUS);
  g_assert_cmpint (stored->outcome, ==, CR_VOTE_CONSENSUS);
  g_assert_cmpuint (stored->votes_for, ==, 0);
  g_clear_pointer (&stored, cr_decision_free);

  /* Corrected after the attendance was corrected: inquorate now. */
  for (guint i = 1; i < 4; i++)
    mark (f, p.meeting, p.voting[i], CR_ATTENDANCE_ABSENT, CR_ATTENDEE_MEMBER);
  g_assert_true (cr_store_update_decision (f->store, &d, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (d.quorate_at_time);

  /* Deleted: the other decision and the item stay. */
  g_assert_true (cr_store_delete_decision (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_false (cr_store_delete_decision (f->store, id, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cr_store_update_decision (f->store, &d, TRUE, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = cr_store_list_decisions (f->store, item, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((CrDecision *) g_ptr_array_index (list, 0))->text, ==,
                   "To thank the caretaker.");
}

/* A meeting is judged by the rules in force on its date, not today's:
 * with a quorum of 3 adopted in 2025 and one of 5 adopted in 2026, a
 * meeting of 2025 with four present was quorate and still is, one of
 * 2026 with four present is not; the list, one meeting, and the register
 * all agree. */
static void
test_quorum_in_force (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (CrMeeting) early = NULL;
  g_autoptr (CrMeeting) late = NULL;
  g_autoptr (CrAttendanceCursor) cursor = NULL;
  g_autofree char *rule = NULL;
  gint64 people[6], m2025, m2026, before;
  const char *name;
  const guint8 *marks;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *given = g_strdup_printf ("Member%u", i);

      people[i] = add_member (f, given, "Jones", CR_MEMBERSHIP_VOTING,
                              "2024-01-01", NULL);
    }
  g_setenv ("CR_TODAY", "2026-06-01", TRUE);
  g_assert_true (cr_store_set_rule_adopted (f->store, f->group, "quorum", "3",
                                            "2025-01-15", &error));
  g_assert_no_error (error);
  g_assert_true (cr_store_set_rule_adopted (f->store, f->group, "quorum", "5",
                                            "2026-01-15", &error));
  g_assert_no_error (error);

  before = add_meeting (f, "2024-06-10", CR_MEETING_STATUS_HELD);
  m2025 = add_meeting (f, "2025-06-10", CR_MEETING_STATUS_HELD);
  m2026 = add_meeting (f, "2026-03-10", CR_MEETING_STATUS_HELD);
  for (guint i = 0; i < 4; i++)
    {
      mark (f, before, people[i], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
      mark (f, m2025, people[i], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
      mark (f, m2026, people[i], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
    }

  rule = cr_store_get_quorum_in_force (f->store, f->group, "2025-06-10", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rule, ==, "3");
  g_clear_pointer (&rule, g_free);
  rule = cr_store_get_quorum_in_force (f->store, f->group, "2026-01-15", &error);
  g_assert_cmpstr (rule, ==, "5");
  g_clear_pointer (&rule, g_free);
  /* Before any terms: the group's own quorum, which is today's. */
  rule = cr_store_get_quorum_in_force (f->store, f->group, "2024-06-10", &error);
  g_assert_cmpstr (rule, ==, "5");
  g_clear_pointer (&rule, g_free);
  g_assert_null (cr_store_get_quorum_in_force (f->store, 9999, "2025-06-10",
                                               &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  early = cr_store_get_meeting (f->store, m2025, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (early->quorum_required, ==, 3);
  g_assert_cmpint (early->quorate, ==, CR_QUORATE_YES);
  late = cr_store_get_meeting (f->store, m2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (late->quorum_required, ==, 5);
  g_assert_cmpint (late->quorate, ==, CR_QUORATE_NO);

  list = cr_store_list_meetings (f->store, f->group, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpuint (((CrMeeting *) g_ptr_array_index (list, 0))->quorum_required, ==, 5);
  g_assert_cmpint (((CrMeeting *) g_ptr_array_index (list, 1))->quorate, ==, CR_QUORATE_YES);
  g_assert_cmpint (((CrMeeting *) g_ptr_array_index (list, 2))->quorate, ==, CR_QUORATE_NO);

  /* Tiers by households, adopted later, do not touch these meetings; a
   * meeting under them needs what the tier for 300 households says. */
  g_assert_true (cr_store_set_rule_adopted (f->store, f->group, "households",
                                            "300", "2026-05-01", &error));
  g_assert_no_error (error);
  g_assert_true (cr_store_set_rule_adopted (f->store, f->group, "quorum",
                                            "tiers(100:2,400:4,6)", "2026-05-01",
                                            &error));
  g_assert_no_error (error);
  {
    g_autoptr (CrMeeting) tiered = NULL;
    gint64 m = add_meeting (f, "2026-05-12", CR_MEETING_STATUS_HELD);

    for (guint i = 0; i < 4; i++)
      mark (f, m, people[i], CR_ATTENDANCE_PRESENT, CR_ATTENDEE_MEMBER);
    tiered = cr_store_get_meeting (f->store, m, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (tiered->quorum_required, ==, 4);
    g_assert_cmpint (tiered->quorate, ==, CR_QUORATE_YES);
    g_clear_pointer (&early, cr_meeting_free);
    early = cr_store_get_meeting (f->store, m2025, &error);
    g_assert_cmpuint (early->quorum_required, ==, 3);
  }

  cursor = cr_store_open_attendance (f->store, f->group, NULL, "2026-04-30", &error);
  g_assert_no_error (error);
  while (cr_attendance_cursor_next (cursor, &name, &marks, &error))
    ;
  g_assert_no_error (error);
  g_assert_cmpuint (cr_attendance_cursor_get_n_meetings (cursor), ==, 3);
  g_assert_cmpuint (cr_attendance_cursor_get_meeting (cursor, 1)->quorum_required, ==, 3);
  g_assert_cmpint (cr_attendance_cursor_get_meeting (cursor, 1)->quorate, ==, CR_QUORATE_YES);
  g_assert_cmpuint (cr_attendance_cursor_get_meeting (cursor, 2)->quorum_required, ==, 5);
  g_assert_cmpint (cr_attendance_cursor_get_meeting (cursor, 2)->quorate, ==, CR_QUORATE_NO);
  g_unsetenv ("CR_TODAY");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/meetings/crud", test_meeting_crud);
  ADD ("/store/meetings/group-quorum", test_group_quorum);
  ADD ("/store/meetings/agenda", test_agenda);
  ADD ("/store/meetings/expected", test_expected);
  ADD ("/store/meetings/quorum/count", test_quorum_count);
  ADD ("/store/meetings/quorum/percent", test_quorum_percent);
  ADD ("/store/meetings/decisions", test_decisions);
  ADD ("/store/meetings/decisions/edit", test_decision_edit);
  ADD ("/store/meetings/quorum/in-force", test_quorum_in_force);
  ADD ("/store/meetings/actions", test_actions);
  ADD ("/store/meetings/demo-and-cli", test_demo_and_cli);

  return g_test_run ();
}
