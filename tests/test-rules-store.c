/* test-rules-store.c: terms of reference in the association file, check
 * over the file, and `commonroom-cli rules` and `check`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cr-store-conduct.h"
#include "cr-store-groups.h"
#include "cr-store-overview.h"
#include "cr-templates.h"
#include "cr-store-meetings.h"
#include "cr-store-people.h"
#include "cr-demo.h"
#include "cr-store-rules.h"

#include "cr-test-util.h"

#define TODAY "2026-11-23"

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

  f->dir = cr_test_make_tmpdir ("cr-rules-XXXXXX");
  f->path = g_build_filename (f->dir, "test.commonroom", NULL);
  f->store = cr_store_create (f->path, "Meadowbank TRA", &error);
  g_assert_no_error (error);
  f->group = cr_store_add_group (f->store, "Scrutiny Panel", CR_GROUP_KIND_PANEL,
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
add_member (Fixture          *f,
            const char       *given,
            const char       *family,
            CrMembershipKind  kind,
            const char       *start)
{
  g_autoptr (CrPerson) person = cr_person_new ();
  g_autoptr (GError) error = NULL;
  gint64 id;

  cr_person_set_given_name (person, given);
  cr_person_set_family_name (person, family);
  id = cr_store_add_person (f->store, person, &error);
  g_assert_no_error (error);
  cr_store_add_membership (f->store, id, f->group, kind, start, &error);
  g_assert_no_error (error);
  return id;
}

static gint64
add_meeting (Fixture         *f,
             const char      *date,
             CrMeetingStatus  status,
             const char      *papers,
             const char      *minutes)
{
  g_autoptr (GError) error = NULL;
  CrMeeting meeting = { 0 };
  gint64 id;

  meeting.group_id = f->group;
  meeting.date = (char *) date;
  meeting.status = status;
  meeting.papers_sent_on = (char *) papers;
  meeting.minutes_circulated_on = (char *) minutes;
  id = cr_store_add_meeting (f->store, &meeting, &error);
  g_assert_no_error (error);
  return id;
}

static void
mark_row (Fixture      *f,
          gint64        person,
          const gint64 *meetings,
          const char   *row)
{
  for (guint i = 0; row[i] != '\0'; i++)
    {
      g_autoptr (GError) error = NULL;

      if (row[i] == '.')
        continue;
      cr_store_set_attendance (f->store, meetings[i], person,
                               row[i] == 'P' ? CR_ATTENDANCE_PRESENT
                               : row[i] == 'A' ? CR_ATTENDANCE_APOLOGIES
                                               : CR_ATTENDANCE_ABSENT,
                               CR_ATTENDEE_MEMBER, &error);
      g_assert_no_error (error);
    }
}

static char *
rule_of (CrStore    *store,
         gint64      group,
         const char *on_date,
         const char *key)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrRules) rules = cr_store_get_rules (store, group, on_date, &error);

  g_assert_no_error (error);
  return cr_rules_get_string (rules, key);
}

#define assert_rule(f, on, key, value) \
  G_STMT_START { \
    g_autofree char *got_ = rule_of ((f)->store, (f)->group, (on), (key)); \
    g_assert_cmpstr (got_, ==, (value)); \
  } G_STMT_END

/* ---- versions -------------------------------------------------------- */

static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  g_autofree char *quorum = NULL;
  gint64 draft, in_force = -1;

  g_assert_cmpint (cr_store_get_schema_version (), >=, 5);

  /* No terms: no rules but the group's quorum. */
  assert_rule (f, TODAY, "quorum", CR_QUORUM_DEFAULT);
  assert_rule (f, TODAY, "max-members", "none");
  cr_store_set_group_quorum (f->store, f->group, "4", &error);
  g_assert_no_error (error);
  assert_rule (f, TODAY, "quorum", "4");
  versions = cr_store_list_terms (f->store, f->group, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 0);
  g_clear_pointer (&versions, g_ptr_array_unref);

  /* A draft changes nothing until it is adopted. */
  g_assert_true (cr_store_set_draft_rule (f->store, f->group, "max-members",
                                          "8", &error));
  g_assert_no_error (error);
  g_assert_true (cr_store_set_draft_rule (f->store, f->group, "lapse-consecutive",
                                          "3", &error));
  g_assert_no_error (error);
  assert_rule (f, TODAY, "max-members", "none");
  draft = cr_store_ensure_terms_draft (f->store, f->group, &error);
  g_assert_no_error (error);
  {
    g_autoptr (CrRules) rules = cr_store_get_version_rules (f->store, draft, &error);
    g_autofree char *max = NULL;
    g_autofree char *q = NULL;

    g_assert_no_error (error);
    max = cr_rules_get_string (rules, "max-members");
    q = cr_rules_get_string (rules, "quorum");
    g_assert_cmpstr (max, ==, "8");
    g_assert_cmpstr (q, ==, "4");
  }

  /* Sections, on the draft only. */
  sections = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_terms_section_free);
  {
    CrTermsSection *s = g_new0 (CrTermsSection, 1);

    s->heading = g_strdup ("Name");
    s->text = g_strdup ("The Scrutiny Panel.");
    g_ptr_array_add (sections, s);
    s = g_new0 (CrTermsSection, 1);
    s->heading = g_strdup ("  Membership ");
    s->text = g_strdup ("At most eight tenants.");
    g_ptr_array_add (sections, s);
  }
  g_assert_true (cr_store_set_terms_sections (f->store, draft, sections, &error));
  g_assert_no_error (error);
  g_clear_pointer (&sections, g_ptr_array_unref);
  sections = cr_store_get_terms_sections (f->store, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sections->len, ==, 2);
  g_assert_cmpuint (((CrTermsSection *) sections->pdata[1])->position, ==, 2);
  g_assert_cmpstr (((CrTermsSection *) sections->pdata[1])->heading, ==, "Membership");

  g_assert_true (cr_store_adopt_terms (f->store, f->group, "2026-01-01", 0, &error));
  g_assert_no_error (error);
  assert_rule (f, "2025-12-31", "max-members", "none");
  assert_rule (f, "2026-01-01", "max-members", "8");
  assert_rule (f, TODAY, "lapse-consecutive", "3");
  g_assert_false (cr_store_adopt_terms (f->store, f->group, TODAY, 0, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Adopted terms are history. */
  g_assert_false (cr_store_set_terms_sections (f->store, draft, sections, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A change adopted at once: a new version, copied from the one in force,
   * sections and all; the quorum goes to the group for the meetings. */
  g_assert_true (cr_store_set_rule_adopted (f->store, f->group, "Quorum",
                                            " 50 % ", "2026-06-01", &error));
  g_assert_no_error (error);
  assert_rule (f, "2026-05-31", "quorum", "4");
  assert_rule (f, "2026-06-01", "quorum", "50%");
  assert_rule (f, "2026-06-01", "max-members", "8");
  quorum = cr_store_get_group_quorum (f->store, f->group, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (quorum, ==, "50%");
  cr_store_get_terms_in_force (f->store, f->group, TODAY, &in_force, &error);
  g_assert_no_error (error);
  g_clear_pointer (&sections, g_ptr_array_unref);
  sections = cr_store_get_terms_sections (f->store, in_force, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sections->len, ==, 2);

  /* none switches a rule off in the next version. */
  g_assert_true (cr_store_set_rule_adopted (f->store, f->group, "max-members",
                                            "none", "2026-07-01", &error));
  g_assert_no_error (error);
  assert_rule (f, TODAY, "max-members", "none");
  assert_rule (f, TODAY, "quorum", "50%");

  /* Refused, with nothing changed. */
  versions = cr_store_list_terms (f->store, f->group, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 3);
  g_assert_false (cr_store_set_rule_adopted (f->store, f->group, "max-members",
                                             "lots", TODAY, &error));
  g_assert_error (error, CR_RULES_ERROR, CR_RULES_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (cr_store_set_draft_rule (f->store, f->group, "frobnicate",
                                           "1", &error));
  g_assert_error (error, CR_RULES_ERROR, CR_RULES_ERROR_UNKNOWN_KEY);
  g_clear_error (&error);
  g_clear_pointer (&versions, g_ptr_array_unref);
  versions = cr_store_list_terms (f->store, f->group, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 3);
  for (guint i = 0; i < versions->len; i++)
    {
      CrTermsVersion *v = g_ptr_array_index (versions, i);

      g_assert_cmpuint (v->version, ==, i + 1);
      g_assert_cmpint (v->status, ==, CR_TERMS_ADOPTED);
      g_assert_cmpstr (v->created_on, ==, TODAY);
    }
  g_assert_cmpstr (((CrTermsVersion *) versions->pdata[0])->adopted_on, ==, "2026-01-01");
}

/* ---- check ----------------------------------------------------------- */

static void
test_check (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) meetings_listed = NULL;
  static const char *const dates[] = {
    "2026-05-06", "2026-06-03", "2026-07-01", "2026-08-05", "2026-09-02",
    "2026-10-07",
  };
  const char *const expected[] = {
    "2026-06-03 quorum Scrutiny Panel meeting of 03/06/2026",
    "2026-06-30 action-overdue Housing officer",
    "2026-09-02 lapse Pat Absent",
    "2026-10-14 minutes-overdue Scrutiny Panel meeting of 07/10/2026",
    NULL
  };
  gint64 meetings[G_N_ELEMENTS (dates)];
  gint64 pat, sam, uma, guest, other;
  CrAction action = { 0 };
  CrConductEvent bar = { 0 };
  g_autoptr (GString) got = g_string_new (NULL);
  g_autoptr (GString) want = g_string_new (NULL);
  guint n_quorum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    meetings[i] = add_meeting (f, dates[i], CR_MEETING_STATUS_HELD, NULL,
                               i + 1 < G_N_ELEMENTS (dates) ? dates[i] : NULL);

  /* Seven voting members, so 50% needs 4. */
  pat = add_member (f, "Pat", "Absent", CR_MEMBERSHIP_VOTING, "2025-01-01");
  mark_row (f, pat, meetings, "PPXXXX");
  sam = add_member (f, "Sam", "Steady", CR_MEMBERSHIP_VOTING, "2025-01-01");
  mark_row (f, sam, meetings, "PPPPPP");
  uma = add_member (f, "Uma", "Usual", CR_MEMBERSHIP_VOTING, "2025-01-01");
  mark_row (f, uma, meetings, "PAPPPP");
  mark_row (f, add_member (f, "Val", "Present", CR_MEMBERSHIP_VOTING, "2025-01-01"),
            meetings, "PPPPPP");
  mark_row (f, add_member (f, "Wyn", "Away", CR_MEMBERSHIP_VOTING, "2025-01-01"),
            meetings, "PAPPPP");
  mark_row (f, add_member (f, "Xan", "Apologies", CR_MEMBERSHIP_VOTING, "2025-01-01"),
            meetings, "PAAAAP");
  mark_row (f, add_member (f, "Yas", "Later", CR_MEMBERSHIP_VOTING, "2025-01-01"),
            meetings, "PAPPPP");
  /* A co-optee and a guest there at the thin meeting count for nothing. */
  mark_row (f, add_member (f, "Cy", "Coopted", CR_MEMBERSHIP_CO_OPTEE, "2025-01-01"),
            meetings, ".P....");
  {
    g_autoptr (CrPerson) person = cr_person_new ();

    cr_person_set_given_name (person, "Gil");
    cr_person_set_family_name (person, "Guest");
    guest = cr_store_add_person (f->store, person, &error);
    g_assert_no_error (error);
    cr_store_set_attendance (f->store, meetings[1], guest, CR_ATTENDANCE_PRESENT,
                             CR_ATTENDEE_GUEST, &error);
    g_assert_no_error (error);
  }

  /* Another group's records stay out of this group's check. */
  other = cr_store_add_group (f->store, "Committee", CR_GROUP_KIND_COMMITTEE, 0,
                              &error);
  g_assert_no_error (error);

  action.meeting_id = meetings[0];
  action.description = "Ask for the repairs figures";
  action.owner_text = "Housing officer";
  action.due_date = "2026-06-30";
  cr_store_add_action (f->store, &action, &error);
  g_assert_no_error (error);
  action.description = "Done already";
  action.status = CR_ACTION_DONE;
  action.done_on = "2026-06-01";
  cr_store_add_action (f->store, &action, &error);
  g_assert_no_error (error);

  g_assert_true (cr_store_set_rule_adopted (f->store, f->group, "quorum", "50%",
                                            "2026-01-01", &error));
  g_assert_true (cr_store_set_rule_adopted (f->store, f->group,
                                            "lapse-consecutive", "3",
                                            "2026-01-01", &error));
  g_assert_true (cr_store_set_rule_adopted (f->store, f->group,
                                            "apologies-excuse", "yes",
                                            "2026-01-01", &error));
  g_assert_true (cr_store_set_rule_adopted (f->store, f->group,
                                            "minutes-due-working-days", "5",
                                            "2026-01-01", &error));
  g_assert_no_error (error);

  items = cr_store_check (f->store, 0, TODAY, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      CrAttentionItem *item = g_ptr_array_index (items, i);

      g_string_append_printf (got, "%s %s %s\n", item->date, item->rule,
                              item->subject);
      g_test_message ("%s %s %s: %s", item->date, item->rule, item->subject,
                      item->detail);
      g_assert_cmpint (item->group_id, ==, f->group);
    }
  for (guint i = 0; expected[i] != NULL; i++)
    g_string_append_printf (want, "%s\n", expected[i]);
  g_assert_cmpstr (got->str, ==, want->str);
  g_assert_cmpint (((CrAttentionItem *) items->pdata[0])->subject_id, ==, meetings[1]);
  g_assert_cmpint (((CrAttentionItem *) items->pdata[2])->subject_id, ==, pat);
  g_assert_cmpstr (((CrAttentionItem *) items->pdata[0])->detail, ==,
                   "3 of the 7 voting members were present and the quorum is "
                   "4 (rule 50%), so what the meeting decided must be "
                   "ratified at a quorate meeting.");

  /* The check and the meetings list agree on which meetings were
   * inquorate. */
  meetings_listed = cr_store_list_meetings (f->store, f->group, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < meetings_listed->len; i++)
    n_quorum += ((CrMeeting *) meetings_listed->pdata[i])->quorate == CR_QUORATE_NO;
  g_assert_cmpuint (n_quorum, ==, 1);

  /* One group only; and the other group has nothing. */
  g_clear_pointer (&items, g_ptr_array_unref);
  items = cr_store_check (f->store, f->group, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 4);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = cr_store_check (f->store, other, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 0);

  /* Suspended, Uma is not one of the membership that day: 3 of 6 is
   * quorate. */
  bar.person_id = uma;
  bar.group_id = f->group;
  bar.kind = CR_CONDUCT_SUSPENSION;
  bar.start_date = "2026-05-20";
  bar.end_date = "2026-06-20";
  bar.reason = "Threatened another member";
  cr_store_add_conduct (f->store, &bar, &error);
  g_assert_no_error (error);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = cr_store_check (f->store, 0, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpstr (((CrAttentionItem *) items->pdata[0])->rule, ==, "action-overdue");

  /* Before the rules, the meetings and the actions, nothing. */
  g_clear_pointer (&items, g_ptr_array_unref);
  items = cr_store_check (f->store, 0, "2025-12-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 0);

  /* Read only, as the command line reads. */
  {
    g_autoptr (CrStore) reader = cr_store_open (f->path, CR_STORE_OPEN_READ_ONLY,
                                                &error);

    g_assert_no_error (error);
    g_clear_pointer (&items, g_ptr_array_unref);
    items = cr_store_check (reader, 0, TODAY, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (items->len, ==, 3);
  }

  g_assert_null (cr_store_check (f->store, 0, "23/11/2026", &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  (void) sam;
}

/* ---- the command line ------------------------------------------------ */

static void
test_cli_rules (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_autoptr (GError) error = NULL;

  g_clear_object (&f->store);

  g_assert_cmpint (run (f, "rules", "show", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "quorum = 3\nmax-members = none\n"));
  g_assert_nonnull (strstr (f->out, "\nagm-notice-days = none\n"));
  {
    g_auto (GStrv) lines = g_strsplit (f->out, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, CR_RULE_N_KEYS + 1);
  }

  g_assert_cmpint (run (f, "rules", "set", "max-members", "8", "--group",
                        "Scrutiny Panel", NULL), ==, 0);
  g_assert_cmpstr (f->err, ==, "");
  g_assert_cmpint (run (f, "rules", "set", "meeting-months-avoid", "1,2,12",
                        "--group", "Scrutiny Panel", NULL), ==, 0);
  g_assert_cmpint (run (f, "rules", "show", "--group", "scrutiny panel", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "\nmax-members = 8\n"));
  g_assert_nonnull (strstr (f->out, "\nmeeting-months-avoid = 12,1,2\n"));
  before = g_strdup (f->out);

  /* Refused, with nothing changed. */
  g_assert_cmpint (run (f, "rules", "set", "max-members", "eight", "--group",
                        "Scrutiny Panel", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (f->err, "commonroom-cli: "));
  g_assert_nonnull (strstr (f->err, "max-members"));
  g_assert_cmpint (run (f, "rules", "set", "frobnicate", "1", "--group",
                        "Scrutiny Panel", NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "frobnicate"));
  g_assert_cmpint (run (f, "rules", "set", "max-members", "9", "--group",
                        "No Such Group", NULL), ==, 1);
  g_assert_cmpint (run (f, "rules", "show", "--group", "Scrutiny Panel", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, before);

  /* Wrong usage. */
  g_assert_cmpint (run (f, "rules", "set", "max-members", NULL), ==, 2);
  g_assert_cmpint (run (f, "rules", "set", "a", "b", "c", NULL), ==, 2);
  g_assert_cmpint (run (f, "rules", "frob", NULL), ==, 2);
  g_assert_cmpint (run (f, "rules", NULL), ==, 2);
  g_assert_cmpint (run (f, "rules", "--help", NULL), ==, 0);
  g_assert_cmpint (run (f, "rules", "show", "--help", NULL), ==, 0);
  g_assert_cmpint (run (f, "rules", "set", "--help", NULL), ==, 0);
  g_assert_cmpint (run (f, "check", "--help", NULL), ==, 0);
}

static void
test_cli_check (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonArray *array;
  gint64 meetings[2];
  gint64 ann;

  meetings[0] = add_meeting (f, "2026-10-07", CR_MEETING_STATUS_HELD, NULL, NULL);
  meetings[1] = add_meeting (f, "2026-11-04", CR_MEETING_STATUS_HELD, NULL, NULL);
  ann = add_member (f, "Ann", "O’Brien", CR_MEMBERSHIP_VOTING, "2025-01-01");
  mark_row (f, ann, meetings, "XX");
  mark_row (f, add_member (f, "Bo", "Present", CR_MEMBERSHIP_VOTING, "2025-01-01"),
            meetings, "PP");
  g_clear_object (&f->store);

  /* Nothing yet: the default quorum of 3 isn't met, though. */
  g_assert_cmpint (run (f, "check", "--format", "json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, f->out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);

  g_assert_cmpint (run (f, "rules", "set", "quorum", "none", "--group",
                        "Scrutiny Panel", NULL), ==, 0);
  g_assert_cmpint (run (f, "rules", "set", "lapse-consecutive", "2", "--group",
                        "Scrutiny Panel", NULL), ==, 0);
  g_assert_cmpint (run (f, "check", "--format", "json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, f->out, -1, &error));
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  {
    JsonObject *item = json_array_get_object_element (array, 0);

    g_assert_cmpstr (json_object_get_string_member (item, "rule"), ==, "lapse");
    g_assert_cmpstr (json_object_get_string_member (item, "subject"), ==, "Ann O’Brien");
    g_assert_cmpstr (json_object_get_string_member (item, "date"), ==, "2026-11-04");
    g_assert_cmpstr (json_object_get_string_member (item, "detail"), ==,
                     "Missed 2 meetings in a row (07/10, 04/11/2026); the "
                     "terms of reference end membership after 2.");
    g_assert_cmpstr (json_object_get_string_member (item, "subject_kind"), ==, "person");
    g_assert_cmpint (json_object_get_int_member (item, "subject_id"), ==, ann);
    g_assert_cmpstr (json_object_get_string_member (item, "group"), ==, "Scrutiny Panel");
  }

  /* Text, grouped under the group's name, in UK dates. */
  g_assert_cmpint (run (f, "check", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Scrutiny Panel\n  04/11/2026  lapse"));
  g_assert_nonnull (strstr (f->out, "Ann O’Brien: Missed 2 meetings"));

  /* On an earlier date, in the UK form too. */
  g_assert_cmpint (run (f, "check", "--on", "01/11/2026", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "Nothing needs attention on 01/11/2026.\n");
  g_assert_cmpint (run (f, "check", "--on", "2026-11-01", "--format", "json", NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, f->out, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))), ==, 0);

  g_assert_cmpint (run (f, "check", "--group", "Meadowbank TRA", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Nothing needs attention"));

  /* Bad input and wrong usage. */
  g_assert_cmpint (run (f, "check", "--on", "31/02/2026", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (f->err, "commonroom-cli: "));
  g_assert_cmpint (run (f, "check", "--group", "Nobody", NULL), ==, 1);
  g_assert_cmpint (run (f, "check", "--format", "csv", NULL), ==, 2);
  g_assert_cmpint (run (f, "check", "extra", NULL), ==, 2);
}


/* ---- groups and templates --------------------------------------------- */

static guint
count_groups (CrStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) groups = cr_store_list_group_infos (store, &error);

  g_assert_no_error (error);
  return groups->len;
}

static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GPtrArray) sections = NULL;
  g_autoptr (CrGroupInfo) got = NULL;
  CrGroupInfo info = { 0 };
  gint64 panel, sub, version = 0;
  guint before;

  /* From a template: its rules in force from the day, its sections. */
  info.name = "  Repairs Panel ";
  info.kind = "panel";
  info.purpose = "Look at repairs";
  panel = cr_store_create_group (f->store, &info, "scrutiny-panel", TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (panel, >, 0);
  {
    g_autofree char *quorum = rule_of (f->store, panel, TODAY, "quorum");
    g_autofree char *training = rule_of (f->store, panel, TODAY,
                                         "training-threshold-percent");
    g_autofree char *before_day = rule_of (f->store, panel, "2026-11-22",
                                           "max-members");

    g_assert_cmpstr (quorum, ==, "50%");
    g_assert_cmpstr (training, ==, "80");
    g_assert_cmpstr (before_day, ==, "none");
  }
  /* The meetings read the same quorum. */
  {
    g_autofree char *column = cr_store_get_group_quorum (f->store, panel, &error);

    g_assert_cmpstr (column, ==, "50%");
  }
  g_assert_true (cr_store_get_terms_in_force (f->store, panel, TODAY, &version,
                                              &error));
  sections = cr_store_get_terms_sections (f->store, version, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sections->len, ==,
                    cr_template_n_sections (cr_template_find ("scrutiny-panel")));

  /* A sub-group for a fixed period, under the panel, with no terms yet. */
  info = (CrGroupInfo) { 0 };
  info.name = "Void Standards Focus Group";
  info.kind = "focus-group";
  info.parent_id = panel;
  info.end_date = "2027-03-31";
  sub = cr_store_create_group (f->store, &info, NULL, TODAY, &error);
  g_assert_no_error (error);
  got = cr_store_get_group_info (f->store, sub, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->name, ==, "Void Standards Focus Group");
  g_assert_cmpstr (got->parent_name, ==, "Repairs Panel");
  g_assert_cmpstr (got->end_date, ==, "2027-03-31");
  g_assert_null (got->purpose);

  /* Listed as a tree: the association, its groups by name, each child
   * after its parent. */
  groups = cr_store_list_group_infos (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 4);
  g_assert_cmpstr (((CrGroupInfo *) groups->pdata[0])->name, ==, "Meadowbank TRA");
  g_assert_cmpuint (((CrGroupInfo *) groups->pdata[0])->depth, ==, 0);
  g_assert_cmpstr (((CrGroupInfo *) groups->pdata[1])->name, ==, "Repairs Panel");
  g_assert_cmpstr (((CrGroupInfo *) groups->pdata[2])->name, ==, "Void Standards Focus Group");
  g_assert_cmpuint (((CrGroupInfo *) groups->pdata[2])->depth, ==, 2);
  g_assert_cmpstr (((CrGroupInfo *) groups->pdata[3])->name, ==, "Scrutiny Panel");

  /* Refusals change nothing. */
  before = count_groups (f->store);
  info = (CrGroupInfo) { .name = "repairs panel", .kind = "panel" };
  g_assert_cmpint (cr_store_create_group (f->store, &info, NULL, TODAY, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  info = (CrGroupInfo) { .name = "Lifts", .kind = "club" };
  g_assert_cmpint (cr_store_create_group (f->store, &info, NULL, TODAY, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  info = (CrGroupInfo) { .name = "Lifts", .kind = "panel", .end_date = "2027-02-30" };
  g_assert_cmpint (cr_store_create_group (f->store, &info, NULL, TODAY, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  info = (CrGroupInfo) { .name = "Lifts", .kind = "panel" };
  g_assert_cmpint (cr_store_create_group (f->store, &info, "no-such", TODAY, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "scrutiny-panel"));
  g_clear_error (&error);
  info = (CrGroupInfo) { .name = "  ", .kind = "panel" };
  g_assert_cmpint (cr_store_create_group (f->store, &info, NULL, TODAY, &error), ==, 0);
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (count_groups (f->store), ==, before);

  /* Edited; a parent may not be one of the group's own sub-groups. */
  info = (CrGroupInfo) { .id = panel, .name = "Repairs Scrutiny Panel",
                         .kind = "panel", .parent_id = sub };
  g_assert_false (cr_store_update_group (f->store, &info, &error));
  g_assert_error (error, CR_STORE_ERROR, CR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  info.parent_id = 0;
  info.purpose = "Repairs and voids";
  g_assert_true (cr_store_update_group (f->store, &info, &error));
  g_assert_no_error (error);
  g_clear_pointer (&got, cr_group_info_free);
  got = cr_store_get_group_info (f->store, panel, &error);
  g_assert_cmpstr (got->name, ==, "Repairs Scrutiny Panel");
  g_assert_cmpstr (got->purpose, ==, "Repairs and voids");
  g_assert_cmpstr (got->parent_name, ==, "Meadowbank TRA");
  /* The association itself is not a group to edit here. */
  info = (CrGroupInfo) { .id = cr_store_get_association_group (f->store),
                         .name = "Renamed", .kind = "committee" };
  g_assert_false (cr_store_update_group (f->store, &info, &error));
  g_clear_error (&error);
}

/* ---- each meeting by its own rules; agenda items late ------------------ */

static void
test_meeting_rules (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  CrAgendaItem item = { 0 };
  gint64 m[2], people[4];

  /* Quorum 2 until 1 June, 3 from then. */
  g_assert_true (cr_store_set_rule_adopted (f->store, f->group, "quorum", "2",
                                            "2026-01-01", &error));
  g_assert_true (cr_store_set_rule_adopted (f->store, f->group, "quorum", "3",
                                            "2026-06-01", &error));
  g_assert_true (cr_store_set_rule_adopted (f->store, f->group,
                                            "agenda-items-notice-weeks", "2",
                                            "2026-06-01", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *given = g_strdup_printf ("Member%u", i);

      people[i] = add_member (f, given, "Test", CR_MEMBERSHIP_VOTING, "2025-06-01");
    }
  m[0] = add_meeting (f, "2026-03-04", CR_MEETING_STATUS_HELD, NULL, NULL);
  m[1] = add_meeting (f, "2026-09-02", CR_MEETING_STATUS_HELD, NULL, NULL);
  /* Two of the four at each: quorate in March, not in September. */
  mark_row (f, people[0], m, "PP");
  mark_row (f, people[1], m, "PP");
  mark_row (f, people[2], m, "AA");
  mark_row (f, people[3], m, "XX");

  /* An item proposed a week before September's meeting. */
  item.meeting_id = m[1];
  item.title = "Bin store";
  item.proposed_on = "2026-08-26";
  g_assert_cmpint (cr_store_add_agenda_item (f->store, &item, &error), >, 0);
  g_assert_no_error (error);
  item.title = "Lifts";
  item.proposed_on = "2026-08-19";
  g_assert_cmpint (cr_store_add_agenda_item (f->store, &item, &error), >, 0);

  items = cr_store_check (f->store, f->group, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (((CrAttentionItem *) items->pdata[0])->rule, ==, "agenda-late");
  g_assert_cmpint (((CrAttentionItem *) items->pdata[0])->subject_id, ==, m[1]);
  g_assert_nonnull (strstr (((CrAttentionItem *) items->pdata[0])->detail, "Bin store"));
  g_assert_cmpstr (((CrAttentionItem *) items->pdata[1])->rule, ==, "quorum");
  g_assert_cmpint (((CrAttentionItem *) items->pdata[1])->subject_id, ==, m[1]);
}

/* ---- tiers through the file ------------------------------------------- */

static void
test_tiers_store (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *column = NULL;

  g_assert_true (cr_store_set_rule_adopted (f->store, f->group, "quorum",
                                            "tiers(100:5,400:8,12)", TODAY, &error));
  g_assert_no_error (error);
  assert_rule (f, TODAY, "quorum", "tiers(100:5,400:8,12)");
  /* The meetings' quorum is the tier's count: the last until households. */
  column = cr_store_get_group_quorum (f->store, f->group, &error);
  g_assert_cmpstr (column, ==, "12");
  g_assert_true (cr_store_set_rule_adopted (f->store, f->group, "households",
                                            "250", TODAY, &error));
  g_clear_pointer (&column, g_free);
  column = cr_store_get_group_quorum (f->store, f->group, &error);
  g_assert_cmpstr (column, ==, "8");
  assert_rule (f, TODAY, "quorum", "tiers(100:5,400:8,12)");
}

/* ---- the Overview's data ------------------------------------------------ */

static void
test_overview (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrNextMeeting) next = NULL;
  g_autoptr (GPtrArray) actions = NULL;
  g_autoptr (GPtrArray) decisions = NULL;
  CrMeeting agm = { 0 };
  CrAction action = { 0 };
  gint64 held, planned, agm_id, person;

  g_assert_null (cr_store_get_next_meeting (f->store, 0, TODAY, &error));
  g_assert_no_error (error);

  g_assert_true (cr_store_set_rule_adopted (f->store, f->group,
                                            "papers-notice-working-days", "5",
                                            "2026-01-01", &error));
  g_assert_true (cr_store_set_rule_adopted (f->store, f->group,
                                            "agenda-items-notice-weeks", "3",
                                            "2026-01-01", &error));
  g_assert_true (cr_store_set_rule_adopted (f->store, cr_store_get_association_group (f->store),
                                            "agm-notice-days", "21",
                                            "2026-01-01", &error));
  g_assert_no_error (error);
  person = add_member (f, "Ann", "Owner", CR_MEMBERSHIP_VOTING, "2025-01-01");
  held = add_meeting (f, "2026-11-04", CR_MEETING_STATUS_HELD, NULL, NULL);
  /* Thursday 7 January 2027: five working days back (6, 5, 4 January,
   * then over the weekend and New Year's Day to 31 and 30 December) is
   * the date `check` judges the papers by. */
  planned = add_meeting (f, "2027-01-07", CR_MEETING_STATUS_PLANNED, NULL, NULL);
  add_meeting (f, "2026-11-30", CR_MEETING_STATUS_CANCELLED, NULL, NULL);
  agm.group_id = cr_store_get_association_group (f->store);
  agm.date = "2027-02-06";
  agm.kind = CR_MEETING_KIND_AGM;
  agm.status = CR_MEETING_STATUS_PLANNED;
  agm_id = cr_store_add_meeting (f->store, &agm, &error);
  g_assert_no_error (error);

  next = cr_store_get_next_meeting (f->store, 0, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (next->id, ==, planned);
  g_assert_cmpstr (next->papers_by, ==, "2026-12-30");
  g_assert_cmpstr (next->agenda_by, ==, "2026-12-17");
  g_assert_null (next->notice_by);
  g_clear_pointer (&next, cr_next_meeting_free);

  next = cr_store_get_next_meeting (f->store, cr_store_get_association_group (f->store),
                                    TODAY, &error);
  g_assert_cmpint (next->id, ==, agm_id);
  g_assert_cmpstr (next->kind, ==, "agm");
  g_assert_cmpstr (next->notice_by, ==, "2027-01-16");
  g_assert_null (next->papers_by);

  action.meeting_id = held;
  action.description = "Chase the lift repair";
  action.owner_person_id = person;
  action.due_date = "2026-12-01";
  g_assert_cmpint (cr_store_add_action (f->store, &action, &error), >, 0);
  action.description = "Book the hall";
  action.owner_person_id = 0;
  action.owner_text = "Housing officer";
  action.due_date = NULL;
  g_assert_cmpint (cr_store_add_action (f->store, &action, &error), >, 0);
  g_assert_no_error (error);
  actions = cr_store_list_open_actions (f->store, f->group, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 2);
  g_assert_cmpstr (((CrOpenAction *) actions->pdata[0])->owner, ==, "Ann Owner");
  g_assert_cmpint (((CrOpenAction *) actions->pdata[0])->owner_person_id, ==, person);
  g_assert_cmpstr (((CrOpenAction *) actions->pdata[1])->owner, ==, "Housing officer");
  g_assert_null (((CrOpenAction *) actions->pdata[1])->due_date);
  g_clear_pointer (&actions, g_ptr_array_unref);
  actions = cr_store_list_open_actions (f->store, cr_store_get_association_group (f->store),
                                        10, &error);
  g_assert_cmpuint (actions->len, ==, 0);

  decisions = cr_store_list_recent_decisions (f->store, 0, TODAY, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 0);
}

/* ---- groups and print terms on the command line ------------------------ */

static void
test_cli_groups (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "terms.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *cmd = NULL;
  g_autofree char *stdout_text = NULL;
  int status = 0;

  g_clear_object (&f->store);
  g_assert_cmpint (run (f, "groups", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Usage:"));
  g_assert_cmpint (run (f, "groups", "add", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "--template"));
  g_assert_cmpint (run (f, "print", "terms", "--help", NULL), ==, 0);

  g_assert_cmpint (run (f, "groups", "add", "Lifts Working Group", "--kind",
                        "working-group", "--parent", "Scrutiny Panel",
                        "--template", "tra-committee", "--until", "31/03/2027",
                        NULL), ==, 0);
  g_assert_cmpstr (f->err, ==, "");
  g_assert_cmpint (run (f, "groups", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "\t  Scrutiny Panel\tpanel\n"));
  g_assert_nonnull (strstr (f->out, "\t    Lifts Working Group\tworking-group\tuntil 2027-03-31\n"));
  g_assert_cmpint (run (f, "rules", "show", "--group", "Lifts Working Group", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "\nagm-notice-days = 21\n"));
  g_assert_cmpint (run (f, "groups", "list", "--format", "json", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "\"end_date\" : \"2027-03-31\""));
  g_assert_cmpint (run (f, "rules", "show", "--explain", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "quorum = 3\n  # A number of voting members"));
  g_assert_nonnull (strstr (f->out, "tiers(100:5,400:8,12) is 5 up to 100 households"));
  g_assert_nonnull (strstr (f->out, "\nhouseholds = none\n  # "));
  g_assert_cmpint (run (f, "groups", "templates", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "scrutiny-panel\t"));

  /* Refused, with exit 1, nothing added; wrong usage exit 2. */
  g_assert_cmpint (run (f, "groups", "add", "Lifts Working Group", "--kind",
                        "panel", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (f->err, "commonroom-cli: There is already"));
  g_assert_cmpint (run (f, "groups", "add", "X", "--kind", "panel",
                        "--template", "nope", NULL), ==, 1);
  g_assert_cmpint (run (f, "groups", "add", "X", "--kind", "panel",
                        "--until", "someday", NULL), ==, 1);
  g_assert_cmpint (run (f, "groups", "add", "X", "--kind", "panel",
                        "--parent", "Nobody", NULL), ==, 1);
  g_assert_cmpint (run (f, "groups", "add", "X", NULL), ==, 2);
  g_assert_cmpint (run (f, "groups", "add", NULL), ==, 2);
  g_assert_cmpint (run (f, "groups", "frobnicate", NULL), ==, 2);
  g_assert_cmpint (run (f, "groups", "list", NULL), ==, 0);
  g_assert_null (strstr (f->out, "\tX\t"));

  /* The terms as a PDF, read back. */
  g_assert_cmpint (run (f, "print", "terms", "--group", "Lifts Working Group",
                        "--output", pdf, NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  cmd = g_strdup_printf ("pdftotext -layout '%s' -", pdf);
  g_assert_true (g_spawn_command_line_sync (cmd, &stdout_text, NULL, &status, NULL));
  g_assert_nonnull (strstr (stdout_text, "Terms of reference · Lifts Working Group"));
  g_assert_nonnull (strstr (stdout_text, "Version 1, adopted on"));
  g_assert_nonnull (strstr (stdout_text, "Annual general meeting"));
  g_assert_nonnull (strstr (stdout_text, "Days of notice before an annual general meeting"));
  /* No terms yet: a clear refusal, no file. */
  g_unlink (pdf);
  g_assert_cmpint (run (f, "print", "terms", "--group", "Scrutiny Panel",
                        "--output", pdf, NULL), ==, 1);
  g_assert_nonnull (strstr (f->err, "no terms of reference yet"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run (f, "print", "terms", "--group", "Scrutiny Panel", NULL), ==, 2);
}

/* Items from every record book (engine, training, money, work plan…)
 * come group by group: a group's items never resume after another's. */
static void
test_check_grouped (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "demo.commonroom", NULL);
  g_autoptr (CrStore) demo = cr_store_create (path, "Demo TRA", &error);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) rules = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) items = NULL;
  CrDemoOptions options = { .members = 300, .seed = 7 };
  gint64 current = -1;

  g_assert_no_error (error);
  g_assert_true (cr_demo_fill (demo, &options, &error));
  g_assert_no_error (error);
  items = cr_store_check (demo, 0, TODAY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (items);
  for (guint i = 0; i < items->len; i++)
    {
      CrAttentionItem *item = g_ptr_array_index (items, i);

      g_hash_table_add (rules, (gpointer) item->rule);
      if (item->group_id == current)
        continue;
      g_assert_false (g_hash_table_contains (seen, &item->group_id));
      g_hash_table_add (seen, &item->group_id);
      current = item->group_id;
    }
  /* The demo has something for more than the engine to say. */
  g_assert_true (g_hash_table_contains (rules, "training"));
  g_assert_true (g_hash_table_contains (rules, "request-overdue"));
  g_assert_true (g_hash_table_contains (rules, "grant-report-due"));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("CR_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/rules-store/check/grouped", Fixture, NULL, fixture_set_up,
              test_check_grouped, fixture_tear_down);
  g_test_add ("/rules-store/versions", Fixture, NULL, fixture_set_up,
              test_versions, fixture_tear_down);
  g_test_add ("/rules-store/check", Fixture, NULL, fixture_set_up,
              test_check, fixture_tear_down);
  g_test_add ("/rules-store/cli/rules", Fixture, NULL, fixture_set_up,
              test_cli_rules, fixture_tear_down);
  g_test_add ("/rules-store/cli/check", Fixture, NULL, fixture_set_up,
              test_cli_check, fixture_tear_down);
  g_test_add ("/rules-store/groups", Fixture, NULL, fixture_set_up,
              test_groups, fixture_tear_down);
  g_test_add ("/rules-store/meeting-rules", Fixture, NULL, fixture_set_up,
              test_meeting_rules, fixture_tear_down);
  g_test_add ("/rules-store/tiers", Fixture, NULL, fixture_set_up,
              test_tiers_store, fixture_tear_down);
  g_test_add ("/rules-store/overview", Fixture, NULL, fixture_set_up,
              test_overview, fixture_tear_down);
  g_test_add ("/rules-store/cli/groups", Fixture, NULL, fixture_set_up,
              test_cli_groups, fixture_tear_down);

  return g_test_run ();
}
