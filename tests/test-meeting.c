/* test-meeting.c: quorum rules, votes and the words for meetings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-meeting.h"

#include <string.h>

static CrQuorumRule
parse_ok (const char *text)
{
  g_autoptr (GError) error = NULL;
  CrQuorumRule rule = { 0 };

  g_test_message ("parsing “%s”", text);
  g_assert_true (cr_quorum_rule_parse (text, &rule, &error));
  g_assert_no_error (error);
  return rule;
}

static void
test_quorum_parse (void)
{
  static const struct
  {
    const char   *text;
    CrQuorumMode  mode;
    guint         count;
    guint         percent;
    const char   *canonical;
  } cases[] = {
    { "4", CR_QUORUM_COUNT, 4, 0, "4" },
    { " 3 ", CR_QUORUM_COUNT, 3, 0, "3" },
    { "50%", CR_QUORUM_PERCENT, 0, 50, "50%" },
    { "50 %", CR_QUORUM_PERCENT, 0, 50, "50%" },
    { "100%", CR_QUORUM_PERCENT, 0, 100, "100%" },
    { "min(10,33%)", CR_QUORUM_MIN_OF, 10, 33, "min(10,33%)" },
    { "MIN( 10 , 33% )", CR_QUORUM_MIN_OF, 10, 33, "min(10,33%)" },
    { "min(33%,10)", CR_QUORUM_MIN_OF, 10, 33, "min(10,33%)" },
    { "max(3,25%)", CR_QUORUM_MAX_OF, 3, 25, "max(3,25%)" },
    { "none", CR_QUORUM_NONE, 0, 0, "none" },
    { "None", CR_QUORUM_NONE, 0, 0, "none" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CrQuorumRule rule = parse_ok (cases[i].text);
      g_autofree char *text = cr_quorum_rule_to_string (&rule);
      g_autofree char *described = cr_quorum_rule_describe (&rule);
      CrQuorumRule again;

      g_assert_cmpint (rule.mode, ==, cases[i].mode);
      g_assert_cmpuint (rule.count, ==, cases[i].count);
      g_assert_cmpuint (rule.percent, ==, cases[i].percent);
      g_assert_cmpstr (text, ==, cases[i].canonical);
      g_assert_cmpstr (described, !=, "");
      again = parse_ok (text);
      g_assert_cmpint (again.mode, ==, rule.mode);
      g_assert_cmpuint (again.count, ==, rule.count);
      g_assert_cmpuint (again.percent, ==, rule.percent);
    }
}

static void
test_quorum_parse_invalid (void)
{
  static const char *const bad[] = {
    "", "0", "0%", "101%", "-3", "+3", "3.5", "50%%", "four", "10000",
    "min(10)", "min(10,20)", "min(10%,20%)", "max(3,25%", "max(3,25%)x",
    "avg(3,25%)", "3,25%", "min(,25%)", "min(0,25%)", "max(3,0%)",
    "99999999999999999999",
  };
  CrQuorumRule rule = { CR_QUORUM_COUNT, 7, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;

      g_test_message ("refusing “%s”", bad[i]);
      g_assert_false (cr_quorum_rule_parse (bad[i], &rule, &error));
      g_assert_error (error, CR_MEETING_ERROR, CR_MEETING_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "50%"));
      /* Untouched on failure. */
      g_assert_cmpint (rule.mode, ==, CR_QUORUM_COUNT);
      g_assert_cmpuint (rule.count, ==, 7);
    }

  {
    g_autoptr (GError) error = NULL;

    g_assert_false (cr_quorum_rule_parse (NULL, &rule, &error));
    g_assert_error (error, CR_MEETING_ERROR, CR_MEETING_ERROR_INVALID);
  }
}

static void
test_quorum_count (void)
{
  CrQuorumRule rule = parse_ok ("4");

  g_assert_cmpuint (cr_quorum_required (&rule, 8), ==, 4);
  g_assert_cmpuint (cr_quorum_required (&rule, 2), ==, 4);
  g_assert_true (cr_quorum_met (&rule, 8, 4));
  g_assert_true (cr_quorum_met (&rule, 8, 8));
  g_assert_false (cr_quorum_met (&rule, 8, 3));
  /* A group smaller than its quorum can never be quorate. */
  g_assert_false (cr_quorum_met (&rule, 3, 3));
}

static void
test_quorum_percent (void)
{
  CrQuorumRule half = parse_ok ("50%");
  CrQuorumRule third = parse_ok ("33%");
  CrQuorumRule all = parse_ok ("100%");

  /* Rounded up: half of 7 is 3.5, so 4 must be there. */
  g_assert_cmpuint (cr_quorum_required (&half, 8), ==, 4);
  g_assert_cmpuint (cr_quorum_required (&half, 7), ==, 4);
  g_assert_cmpuint (cr_quorum_required (&half, 1), ==, 1);
  g_assert_false (cr_quorum_met (&half, 7, 3));
  g_assert_true (cr_quorum_met (&half, 7, 4));
  /* 33% of 12 is 3.96: 4. Of 100, exactly 33. Of 101, 33.33: 34. */
  g_assert_cmpuint (cr_quorum_required (&third, 12), ==, 4);
  g_assert_cmpuint (cr_quorum_required (&third, 100), ==, 33);
  g_assert_cmpuint (cr_quorum_required (&third, 101), ==, 34);
  g_assert_cmpuint (cr_quorum_required (&all, 9), ==, 9);
  /* Even with no members on the books, someone must be there. */
  g_assert_cmpuint (cr_quorum_required (&half, 0), ==, 1);
  g_assert_false (cr_quorum_met (&half, 0, 0));
  /* Large memberships don't overflow. */
  g_assert_cmpuint (cr_quorum_required (&third, 4000000000u), ==, 1320000000u);
}

static void
test_quorum_min_max (void)
{
  CrQuorumRule lesser = parse_ok ("min(10,33%)");
  CrQuorumRule greater = parse_ok ("max(3,25%)");

  /* 33% of 60 is 19.8 → 20; the lesser is 10. Of 12: 4 < 10. */
  g_assert_cmpuint (cr_quorum_required (&lesser, 60), ==, 10);
  g_assert_cmpuint (cr_quorum_required (&lesser, 12), ==, 4);
  g_assert_cmpuint (cr_quorum_required (&lesser, 30), ==, 10);
  g_assert_true (cr_quorum_met (&lesser, 12, 4));
  g_assert_false (cr_quorum_met (&lesser, 60, 9));

  /* 25% of 8 is 2, so 3; of 30 is 7.5 → 8. */
  g_assert_cmpuint (cr_quorum_required (&greater, 8), ==, 3);
  g_assert_cmpuint (cr_quorum_required (&greater, 30), ==, 8);
  g_assert_true (cr_quorum_met (&greater, 30, 8));
  g_assert_false (cr_quorum_met (&greater, 30, 7));
}

static void
test_quorum_none (void)
{
  CrQuorumRule none = parse_ok ("none");

  g_assert_cmpuint (cr_quorum_required (&none, 50), ==, 0);
  g_assert_true (cr_quorum_met (&none, 50, 0));
}

static void
test_vote_outcome (void)
{
  /* Simple majority of the votes cast; abstentions don't count. */
  g_assert_cmpint (cr_vote_outcome (5, 3, 0, CR_CASTING_VOTE_NONE, TRUE), ==, CR_VOTE_CARRIED);
  g_assert_cmpint (cr_vote_outcome (3, 5, 0, CR_CASTING_VOTE_NONE, TRUE), ==, CR_VOTE_DEFEATED);
  g_assert_cmpint (cr_vote_outcome (2, 1, 9, CR_CASTING_VOTE_NONE, FALSE), ==, CR_VOTE_CARRIED);
  g_assert_cmpint (cr_vote_outcome (0, 0, 4, CR_CASTING_VOTE_NONE, TRUE), ==, CR_VOTE_TIED);

  /* A tie stands without a casting vote … */
  g_assert_cmpint (cr_vote_outcome (4, 4, 1, CR_CASTING_VOTE_NONE, TRUE), ==, CR_VOTE_TIED);
  g_assert_cmpint (cr_vote_outcome (4, 4, 1, CR_CASTING_VOTE_NONE, FALSE), ==, CR_VOTE_TIED);
  /* … is broken by one if the chair has it … */
  g_assert_cmpint (cr_vote_outcome (4, 4, 1, CR_CASTING_VOTE_FOR, TRUE), ==, CR_VOTE_CARRIED);
  g_assert_cmpint (cr_vote_outcome (4, 4, 1, CR_CASTING_VOTE_AGAINST, TRUE), ==, CR_VOTE_DEFEATED);
  /* … and not if the chair hasn't. */
  g_assert_cmpint (cr_vote_outcome (4, 4, 1, CR_CASTING_VOTE_FOR, FALSE), ==, CR_VOTE_TIED);
  /* A casting vote where there is no tie changes nothing. */
  g_assert_cmpint (cr_vote_outcome (5, 4, 0, CR_CASTING_VOTE_AGAINST, TRUE), ==, CR_VOTE_CARRIED);
  g_assert_cmpint (cr_vote_outcome (4, 5, 0, CR_CASTING_VOTE_FOR, TRUE), ==, CR_VOTE_DEFEATED);
}

static void
test_vote_check (void)
{
  GError *error = NULL;

  g_assert_true (cr_vote_check (5, 3, 1, CR_CASTING_VOTE_NONE, TRUE, &error));
  g_assert_true (cr_vote_check (4, 4, 0, CR_CASTING_VOTE_FOR, TRUE, &error));
  g_assert_true (cr_vote_check (4, 4, 0, CR_CASTING_VOTE_NONE, FALSE, &error));
  g_assert_true (cr_vote_check (0, 0, 3, CR_CASTING_VOTE_NONE, TRUE, &error));
  g_assert_no_error (error);

  /* A casting vote only breaks a tie. */
  g_assert_false (cr_vote_check (5, 4, 0, CR_CASTING_VOTE_FOR, TRUE, &error));
  g_assert_error (error, CR_MEETING_ERROR, CR_MEETING_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "tie"));
  g_clear_error (&error);
  /* Only from a chair who has one. */
  g_assert_false (cr_vote_check (4, 4, 0, CR_CASTING_VOTE_AGAINST, FALSE, &error));
  g_assert_error (error, CR_MEETING_ERROR, CR_MEETING_ERROR_INVALID);
  g_clear_error (&error);
  /* Some votes must have been counted. */
  g_assert_false (cr_vote_check (0, 0, 0, CR_CASTING_VOTE_NONE, TRUE, &error));
  g_assert_error (error, CR_MEETING_ERROR, CR_MEETING_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_names (void)
{
  CrMeetingKind kind;
  CrMeetingStatus status;
  CrAttendanceMark mark;
  CrAttendeeRole role;
  CrDecisionMethod method;
  CrCastingVote casting;
  CrVoteOutcome outcome;
  CrActionStatus action;

  for (guint i = 0; i <= CR_MEETING_KIND_SUB_GROUP; i++)
    {
      g_assert_true (cr_meeting_kind_from_string (cr_meeting_kind_to_string (i), &kind));
      g_assert_cmpuint (kind, ==, i);
      g_assert_cmpstr (cr_meeting_kind_get_label (i), !=, "");
    }
  for (guint i = 0; i <= CR_MEETING_STATUS_CANCELLED; i++)
    {
      g_assert_true (cr_meeting_status_from_string (cr_meeting_status_to_string (i), &status));
      g_assert_cmpuint (status, ==, i);
      g_assert_cmpstr (cr_meeting_status_get_label (i), !=, "");
    }
  for (guint i = CR_ATTENDANCE_PRESENT; i <= CR_ATTENDANCE_ABSENT; i++)
    {
      g_assert_true (cr_attendance_mark_from_string (cr_attendance_mark_to_string (i), &mark));
      g_assert_cmpuint (mark, ==, i);
    }
  for (guint i = 0; i <= CR_ATTENDEE_OFFICER; i++)
    {
      g_assert_true (cr_attendee_role_from_string (cr_attendee_role_to_string (i), &role));
      g_assert_cmpuint (role, ==, i);
      g_assert_cmpstr (cr_attendee_role_get_label (i), !=, "");
    }
  for (guint i = 0; i <= CR_DECISION_VOTE; i++)
    {
      g_assert_true (cr_decision_method_from_string (cr_decision_method_to_string (i), &method));
      g_assert_cmpuint (method, ==, i);
    }
  for (guint i = CR_CASTING_VOTE_FOR; i <= CR_CASTING_VOTE_AGAINST; i++)
    {
      g_assert_true (cr_casting_vote_from_string (cr_casting_vote_to_string (i), &casting));
      g_assert_cmpuint (casting, ==, i);
    }
  for (guint i = 0; i <= CR_VOTE_CONSENSUS; i++)
    {
      g_assert_true (cr_vote_outcome_from_string (cr_vote_outcome_to_string (i), &outcome));
      g_assert_cmpuint (outcome, ==, i);
      g_assert_cmpstr (cr_vote_outcome_get_label (i), !=, "");
    }
  for (guint i = 0; i <= CR_ACTION_DROPPED; i++)
    {
      g_assert_true (cr_action_status_from_string (cr_action_status_to_string (i), &action));
      g_assert_cmpuint (action, ==, i);
    }

  /* Never-stored values have no word, and no word names them. */
  g_assert_null (cr_attendance_mark_to_string (CR_ATTENDANCE_NONE));
  g_assert_null (cr_casting_vote_to_string (CR_CASTING_VOTE_NONE));
  g_assert_false (cr_attendance_mark_from_string (NULL, &mark));
  g_assert_false (cr_attendance_mark_from_string ("late", &mark));
  g_assert_true (cr_meeting_kind_from_string ("AGM", &kind));
  g_assert_cmpint (kind, ==, CR_MEETING_KIND_AGM);
  g_assert_cmpstr (cr_meeting_kind_get_label (CR_MEETING_KIND_AGM), ==, "Annual general meeting");
  g_assert_cmpstr (cr_quorate_to_string (CR_QUORATE_YES), ==, "yes");
  g_assert_cmpstr (cr_quorate_to_string (CR_QUORATE_NO), ==, "no");
  g_assert_cmpstr (cr_quorate_to_string (CR_QUORATE_UNKNOWN), ==, "unknown");
}

static void
test_structs (void)
{
  g_autoptr (CrMeeting) meeting = cr_meeting_new ();
  g_autoptr (CrMeeting) copy = NULL;
  g_autoptr (CrAction) action = cr_action_new ();
  g_autoptr (CrDecision) decision = cr_decision_new ();
  g_autoptr (CrAgendaItem) item = cr_agenda_item_new ();

  meeting->date = g_strdup ("2026-03-10");
  meeting->venue = g_strdup ("Meadowbank Community Centre");
  meeting->kind = CR_MEETING_KIND_AGM;
  copy = cr_meeting_copy (meeting);
  g_assert_cmpstr (copy->date, ==, meeting->date);
  g_assert_true (copy->date != meeting->date);
  g_assert_cmpint (copy->kind, ==, CR_MEETING_KIND_AGM);
  g_assert_null (copy->notes);

  g_assert_cmpint (decision->outcome, ==, CR_VOTE_CONSENSUS);
  g_assert_false (item->is_aob);

  action->due_date = g_strdup ("2026-04-01");
  g_assert_false (cr_action_is_overdue (action, "2026-04-01"));
  g_assert_true (cr_action_is_overdue (action, "2026-04-02"));
  action->status = CR_ACTION_IN_PROGRESS;
  g_assert_true (cr_action_is_overdue (action, "2026-04-02"));
  action->status = CR_ACTION_DONE;
  g_assert_false (cr_action_is_overdue (action, "2026-04-02"));
  action->status = CR_ACTION_OPEN;
  g_clear_pointer (&action->due_date, g_free);
  g_assert_false (cr_action_is_overdue (action, "2026-04-02"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/meeting/quorum/parse", test_quorum_parse);
  g_test_add_func ("/meeting/quorum/parse-invalid", test_quorum_parse_invalid);
  g_test_add_func ("/meeting/quorum/count", test_quorum_count);
  g_test_add_func ("/meeting/quorum/percent", test_quorum_percent);
  g_test_add_func ("/meeting/quorum/min-max", test_quorum_min_max);
  g_test_add_func ("/meeting/quorum/none", test_quorum_none);
  g_test_add_func ("/meeting/vote/outcome", test_vote_outcome);
  g_test_add_func ("/meeting/vote/check", test_vote_check);
  g_test_add_func ("/meeting/names", test_names);
  g_test_add_func ("/meeting/structs", test_structs);

  return g_test_run ();
}
