/* test-rules.c: the structured rules and the engine that checks them,
 * with each terms-of-reference document in shared/domain encoded and a
 * small history run through it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-rules.h"
#include "cr-templates.h"

#include <string.h>

/* ---- helpers --------------------------------------------------------- */

static CrRules *
rules_of (const char *first_key,
          ...)
{
  CrRules *rules = cr_rules_new ();
  const char *key = first_key;
  va_list args;

  va_start (args, first_key);
  while (key != NULL)
    {
      const char *value = va_arg (args, const char *);
      g_autoptr (GError) error = NULL;

      g_assert_true (cr_rules_set (rules, key, value, &error));
      g_assert_no_error (error);
      key = va_arg (args, const char *);
    }
  va_end (args);
  return rules;
}

/* A member with one membership; their person id is their index + 1. */
static guint
member (CrCheckInput *in,
        const char   *name,
        gboolean      voting,
        const char   *start,
        const char   *end)
{
  guint m = cr_check_input_add_member (in, in->members->len + 1, name);

  cr_check_input_add_membership (in, m, voting, start, end);
  return m;
}

/* A member's row of the register, one letter a meeting: P, A, X, or '.'
 * for no mark. */
static void
marks (CrCheckInput *in,
       guint         m,
       const char   *row)
{
  for (guint i = 0; row[i] != '\0'; i++)
    {
      CrAttendanceMark mark;

      if (row[i] == '.')
        continue;
      mark = row[i] == 'P' ? CR_ATTENDANCE_PRESENT
             : row[i] == 'A' ? CR_ATTENDANCE_APOLOGIES
                             : CR_ATTENDANCE_ABSENT;
      cr_check_input_add_mark (in, m, i, mark, CR_ATTENDEE_MEMBER);
    }
}

static guint
meeting (CrCheckInput    *in,
         const char      *date,
         CrMeetingStatus  status,
         const char      *papers,
         const char      *minutes)
{
  return cr_check_input_add_meeting (in, in->meetings->len + 100, date,
                                     CR_MEETING_KIND_ORDINARY, status, papers,
                                     minutes);
}

/* Asserts that @items are exactly @expected, "date rule subject", in
 * order, and prints each item's detail for the log. */
static void
assert_items (GPtrArray         *items,
              const char *const *expected)
{
  g_autoptr (GString) got = g_string_new (NULL);
  g_autoptr (GString) want = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      CrAttentionItem *item = g_ptr_array_index (items, i);

      g_string_append_printf (got, "%s %s %s\n", item->date, item->rule,
                              item->subject);
      g_test_message ("%s %s %s: %s", item->date, item->rule, item->subject,
                      item->detail);
      g_assert_nonnull (item->detail);
      g_assert_cmpuint (strlen (item->detail), >, 20);
    }
  for (guint i = 0; expected[i] != NULL; i++)
    g_string_append_printf (want, "%s\n", expected[i]);
  g_assert_cmpstr (got->str, ==, want->str);
}

static CrAttentionItem *
find_item (GPtrArray  *items,
           const char *rule,
           const char *subject)
{
  for (guint i = 0; i < items->len; i++)
    {
      CrAttentionItem *item = g_ptr_array_index (items, i);

      if (g_str_equal (item->rule, rule) && g_str_equal (item->subject, subject))
        return item;
    }
  g_assert_not_reached ();
  return NULL;
}

/* ---- the rules themselves -------------------------------------------- */

static void
test_rules_keys (void)
{
  const char *const *keys = cr_rules_get_keys ();
  g_autoptr (CrRules) rules = cr_rules_new ();

  g_assert_cmpuint (g_strv_length ((char **) keys), ==, CR_RULE_N_KEYS);
  g_assert_cmpstr (keys[0], ==, "quorum");
  /* Other record books append their keys after DESIGN.md's. */
  g_assert_cmpstr (keys[CR_RULE_AGM_NOTICE_DAYS], ==, "agm-notice-days");
  g_assert_cmpstr (keys[CR_RULE_HOUSEHOLDS], ==, "households");
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = cr_rules_get_string (rules, keys[i]);
      CrRuleKey key;

      g_assert_cmpstr (value, ==, "none");
      g_assert_true (cr_rules_key_from_string (keys[i], &key));
      g_assert_cmpuint (key, ==, i);
      g_assert_cmpstr (cr_rules_key_to_string (key), ==, keys[i]);
      g_assert_cmpstr (cr_rules_key_get_label (key), !=, "");
    }
  g_assert_null (cr_rules_get_string (rules, "no-such-rule"));
}

static void
test_rules_set (void)
{
  static const struct
  {
    const char *key;
    const char *value;
    const char *shown;
  } good[] = {
    { "quorum", "4", "4" },
    { "quorum", " 50 % ", "50%" },
    { "quorum", "MIN(10, 33%)", "min(10,33%)" },
    { "max-members", "8", "8" },
    { "lapse-consecutive", "3", "3" },
    { "lapse-in-12-months", "5", "5" },
    { "apologies-excuse", "yes", "yes" },
    { "apologies-excuse", "No", "no" },
    { "term-years", "3", "3" },
    { "max-terms", "2", "2" },
    { "chair-max-years", "6", "6" },
    { "chair-max-consecutive-years", "3", "3" },
    { "meetings-per-year-min", "10", "10" },
    { "meeting-months-avoid", "12,1,2", "12,1,2" },
    { "meeting-months-avoid", "1, 2 ,12", "12,1,2" },
    { "meeting-months-avoid", "dec,jan,feb", "12,1,2" },
    { "meeting-months-avoid", "7,1,2", "1,2,7" },
    { "meeting-months-avoid", "8", "8" },
    { "papers-notice-working-days", "5", "5" },
    { "minutes-due-working-days", "5", "5" },
    { "agenda-items-notice-weeks", "4", "4" },
    { "training-threshold-percent", "80", "80" },
    { "casting-vote", "YES", "yes" },
    { "agm-max-months", "15", "15" },
    { "agm-notice-days", "14", "14" },
    { "Max-Members", "12", "12" },
  };
  static const struct
  {
    const char *key;
    const char *value;
    int         code;
  } bad[] = {
    { "frobnicate", "1", CR_RULES_ERROR_UNKNOWN_KEY },
    { "", "1", CR_RULES_ERROR_UNKNOWN_KEY },
    { "quorum", "half", CR_RULES_ERROR_INVALID_VALUE },
    { "quorum", "0", CR_RULES_ERROR_INVALID_VALUE },
    { "max-members", "eight", CR_RULES_ERROR_INVALID_VALUE },
    { "max-members", "0", CR_RULES_ERROR_INVALID_VALUE },
    { "max-members", "-3", CR_RULES_ERROR_INVALID_VALUE },
    { "max-members", "8.5", CR_RULES_ERROR_INVALID_VALUE },
    { "max-members", "", CR_RULES_ERROR_INVALID_VALUE },
    { "max-members", "99999999999999999999", CR_RULES_ERROR_INVALID_VALUE },
    { "apologies-excuse", "maybe", CR_RULES_ERROR_INVALID_VALUE },
    { "meeting-months-avoid", "13", CR_RULES_ERROR_INVALID_VALUE },
    { "meeting-months-avoid", "12,,1", CR_RULES_ERROR_INVALID_VALUE },
    { "meeting-months-avoid", "winter", CR_RULES_ERROR_INVALID_VALUE },
    { "training-threshold-percent", "101", CR_RULES_ERROR_INVALID_VALUE },
  };
  g_autoptr (CrRules) rules = cr_rules_new ();

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *shown = NULL;

      g_test_message ("%s = %s", good[i].key, good[i].value);
      g_assert_true (cr_rules_set (rules, good[i].key, good[i].value, &error));
      g_assert_no_error (error);
      shown = cr_rules_get_string (rules, good[i].key);
      g_assert_cmpstr (shown, ==, good[i].shown);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CrRules) before = cr_rules_copy (rules);

      g_test_message ("%s = %s", bad[i].key, bad[i].value);
      g_assert_false (cr_rules_set (rules, bad[i].key, bad[i].value, &error));
      g_assert_error (error, CR_RULES_ERROR, bad[i].code);
      g_test_message ("  %s", error->message);
      /* The message names what was wrong, and nothing changed. */
      g_assert_nonnull (strstr (error->message, bad[i].key));
      g_assert_cmpmem (before, sizeof *before, rules, sizeof *rules);
    }

  /* none switches a rule off. */
  g_assert_true (cr_rules_has (rules, CR_RULE_MAX_MEMBERS));
  g_assert_cmpuint (cr_rules_get_value (rules, CR_RULE_MAX_MEMBERS), ==, 12);
  g_assert_true (cr_rules_set (rules, "max-members", "none", NULL));
  g_assert_false (cr_rules_has (rules, CR_RULE_MAX_MEMBERS));
  g_assert_cmpuint (cr_rules_get_value (rules, CR_RULE_MAX_MEMBERS), ==, 0);
  g_assert_true (cr_rules_set (rules, "quorum", "NONE", NULL));
  g_assert_false (cr_rules_has (rules, CR_RULE_QUORUM));
  {
    g_autofree char *shown = cr_rules_get_string (rules, "quorum");

    g_assert_cmpstr (shown, ==, "none");
  }
  g_assert_cmpuint (cr_rules_get_value (rules, CR_RULE_MEETING_MONTHS_AVOID), ==, 1u << 7);
}

/* ---- 000: Allocations and Lettings Focus Group ------------------------ *
 *
 * At least 4 tenants to decide; at most 8 members; 3 meetings missed in a
 * row without apologies ends a membership; meets every 6 to 8 weeks (at
 * least 6 a year). */
static void
test_check_000 (void)
{
  g_autoptr (CrRules) rules = rules_of ("quorum", "4",
                                        "max-members", "8",
                                        "lapse-consecutive", "3",
                                        "apologies-excuse", "yes",
                                        "meetings-per-year-min", "6",
                                        NULL);
  g_autoptr (CrCheckInput) in = cr_check_input_new (1, "Allocations and Lettings Focus Group");
  g_autoptr (GPtrArray) items = NULL;
  const char *const expected[] = {
    "2026-01-26 quorum Allocations and Lettings Focus Group meeting of 26/01/2026",
    "2026-04-01 max-members Allocations and Lettings Focus Group",
    "2026-06-22 lapse Ann Absent",
    NULL
  };
  const char *const dates[] = {
    "2025-05-19", "2025-07-14", "2025-09-01", "2025-10-20", "2025-12-08",
    "2026-01-26", "2026-03-16", "2026-05-04", "2026-06-22",
  };
  guint m;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    meeting (in, dates[i], CR_MEETING_STATUS_HELD, NULL, NULL);

  /* Meetings 0 and 5 are thin: 3 there. 0 is more than a year ago. */
  m = member (in, "Ann Absent", TRUE, "2025-01-01", NULL);
  marks (in, m, "APPPPAXXX");     /* apologies, then 3 absences: lapses */
  m = member (in, "Bob Apologies", TRUE, "2025-01-01", NULL);
  marks (in, m, "APPPPAAAA");     /* apologies excuse him */
  m = member (in, "Cath Mixed", TRUE, "2025-01-01", NULL);
  marks (in, m, "APPPPAXAX");     /* apologies break the run */
  m = member (in, "Dev Dropped", TRUE, "2025-01-01", "2026-06-25");
  marks (in, m, "APPPPAXXX");     /* no longer a member */
  m = member (in, "Eve Present", TRUE, "2025-01-01", NULL);
  marks (in, m, "PPPPPPPPP");
  m = member (in, "Fay Present", TRUE, "2025-01-01", NULL);
  marks (in, m, "PPPPPPPPP");
  m = member (in, "Gus Present", TRUE, "2025-01-01", NULL);
  marks (in, m, "PPPPPPPPP");
  m = member (in, "Hal Sometimes", TRUE, "2025-01-01", NULL);
  marks (in, m, "APPPPAPPP");
  m = member (in, "Ivy Newcomer", TRUE, "2026-04-01", NULL);
  marks (in, m, ".......PP");
  m = member (in, "Jo Regular", TRUE, "2025-01-01", NULL);
  marks (in, m, "APPPPAPPP");
  /* An associate there at the thin meeting, and a guest: neither counts. */
  m = member (in, "Kim Associate", FALSE, "2025-01-01", NULL);
  marks (in, m, ".....P...");
  m = cr_check_input_add_member (in, 99, "Lou Guest");
  cr_check_input_add_mark (in, m, 5, CR_ATTENDANCE_PRESENT, CR_ATTENDEE_GUEST);

  items = cr_rules_check (rules, in, "2026-06-30");
  assert_items (items, expected);
  g_assert_cmpstr (find_item (items, "lapse", "Ann Absent")->detail, ==,
                   "Missed 3 meetings in a row (16/03, 04/05, 22/06/2026); the "
                   "terms of reference end membership after 3.");
  g_assert_cmpstr (find_item (items, "quorum", "Allocations and Lettings Focus Group meeting of 26/01/2026")->detail,
                   ==,
                   "3 of the 9 voting members were present and the quorum is "
                   "4 (rule 4), so what the meeting decided must be ratified "
                   "at a quorate meeting.");
  g_assert_cmpstr (find_item (items, "max-members", "Allocations and Lettings Focus Group")->detail,
                   ==, "9 voting members; the terms of reference allow at most 8.");
  g_assert_cmpint (find_item (items, "lapse", "Ann Absent")->subject_kind, ==, CR_ATTENTION_PERSON);
  g_assert_cmpint (find_item (items, "lapse", "Ann Absent")->subject_id, ==, 1);
  g_assert_cmpint (find_item (items, "lapse", "Ann Absent")->group_id, ==, 1);

  /* Without the excuse, Bob and Cath lapse too. */
  g_assert_true (cr_rules_set (rules, "apologies-excuse", "no", NULL));
  g_clear_pointer (&items, g_ptr_array_unref);
  items = cr_rules_check (rules, in, "2026-06-30");
  {
    const char *const strict[] = {
      "2026-01-26 quorum Allocations and Lettings Focus Group meeting of 26/01/2026",
      "2026-04-01 max-members Allocations and Lettings Focus Group",
      "2026-05-04 lapse Ann Absent",
      "2026-05-04 lapse Bob Apologies",
      "2026-05-04 lapse Cath Mixed",
      NULL
    };

    assert_items (items, strict);
    /* Ann's run now starts with her apologies. */
    g_assert_cmpstr (find_item (items, "lapse", "Ann Absent")->detail, ==,
                     "Missed 4 meetings in a row (26/01, 16/03, 04/05, "
                     "22/06/2026); the terms of reference end membership "
                     "after 3. Apologies don’t excuse a missed meeting here.");
  }

  /* Before the third absence, nothing had lapsed; Dev was still a
   * member, so there had been 9 since they all joined. */
  g_assert_true (cr_rules_set (rules, "apologies-excuse", "yes", NULL));
  g_clear_pointer (&items, g_ptr_array_unref);
  items = cr_rules_check (rules, in, "2026-06-21");
  {
    const char *const before[] = {
      "2025-01-01 max-members Allocations and Lettings Focus Group",
      "2026-01-26 quorum Allocations and Lettings Focus Group meeting of 26/01/2026",
      NULL
    };

    assert_items (items, before);
  }
}

/* ---- 001: Customer Core Group ---------------------------------------- *
 *
 * At least 3 resident members; 3-year terms, one further term; chair at
 * most 6 years; at least quarterly; papers 5 working days before, agenda
 * items 4 weeks before, minutes within 5 working days; the chair has a
 * casting vote. */
static void
test_check_001 (void)
{
  g_autoptr (CrRules) rules = rules_of ("quorum", "3",
                                        "term-years", "3",
                                        "max-terms", "2",
                                        "chair-max-years", "6",
                                        "meetings-per-year-min", "4",
                                        "papers-notice-working-days", "5",
                                        "agenda-items-notice-weeks", "4",
                                        "minutes-due-working-days", "5",
                                        "casting-vote", "yes",
                                        NULL);
  g_autoptr (CrCheckInput) in = cr_check_input_new (2, "Customer Core Group");
  g_autoptr (GPtrArray) items = NULL;
  const char *const expected[] = {
    "2024-06-01 term Tom Longserve",
    "2025-11-23 meeting-frequency Customer Core Group",
    "2026-04-02 papers-late Customer Core Group meeting of 13/04/2026",
    "2026-04-20 minutes-overdue Customer Core Group meeting of 13/04/2026",
    "2026-05-01 chair-term Cora Chair",
    "2026-10-12 quorum Customer Core Group meeting of 12/10/2026",
    "2026-10-19 minutes-overdue Customer Core Group meeting of 12/10/2026",
    "2026-11-01 action-overdue Housing officer",
    "2026-11-20 papers-late Customer Core Group meeting of 27/11/2026",
    NULL
  };
  guint m;

  /* Quarterly, but the summer meeting was cancelled. Easter 2026 falls in
   * the week before the April meeting, so its papers, sent on the
   * Tuesday, were 4 working days ahead, not 5. */
  meeting (in, "2025-10-13", CR_MEETING_STATUS_HELD, NULL, NULL);
  meeting (in, "2026-01-12", CR_MEETING_STATUS_HELD, "2026-01-05", "2026-01-19");
  meeting (in, "2026-04-13", CR_MEETING_STATUS_HELD, "2026-04-07", NULL);
  meeting (in, "2026-07-13", CR_MEETING_STATUS_CANCELLED, NULL, NULL);
  meeting (in, "2026-10-12", CR_MEETING_STATUS_HELD, "2026-10-05", "2026-10-20");
  /* Papers due by 20/11, not out; for 30/11 they are due today. */
  meeting (in, "2026-11-27", CR_MEETING_STATUS_PLANNED, NULL, NULL);
  meeting (in, "2026-11-30", CR_MEETING_STATUS_PLANNED, NULL, NULL);

  /* Six years without a break, in two memberships. */
  m = member (in, "Tom Longserve", TRUE, "2018-06-01", "2021-05-31");
  cr_check_input_add_membership (in, m, TRUE, "2021-06-01", NULL);
  marks (in, m, "PP..P");
  /* A break resets the clock. */
  m = member (in, "Gina Gap", TRUE, "2017-01-01", "2019-12-31");
  cr_check_input_add_membership (in, m, TRUE, "2021-03-01", NULL);
  marks (in, m, "PP..X");
  /* Six years in the chair in all, with a year out as vice-chair. */
  m = member (in, "Cora Chair", TRUE, "2016-01-01", "2020-12-31");
  cr_check_input_add_membership (in, m, TRUE, "2021-02-01", NULL);
  cr_check_input_add_office (in, m, "Chair", "2019-05-01", "2022-04-30");
  cr_check_input_add_office (in, m, "Vice-chair", "2022-05-01", "2023-04-30");
  cr_check_input_add_office (in, m, "chair ", "2023-05-01", NULL);
  marks (in, m, "PP..P");
  m = member (in, "Del Lead", TRUE, "2024-01-01", NULL);
  marks (in, m, "PP..X");
  m = member (in, "Em Lead", TRUE, "2024-01-01", NULL);
  marks (in, m, "PP..A");
  /* A vice-chair of three years: no limit on that. */
  cr_check_input_add_office (in, m, "Vice-chair", "2023-05-01", NULL);

  cr_check_input_add_action (in, 7, "Ask for the repairs figures",
                             "Housing officer", "2026-11-01", "2026-10-12");
  cr_check_input_add_action (in, 8, "Book the hall", NULL, "2026-11-23",
                             "2026-10-12");
  cr_check_input_add_action (in, 9, "Draft the work plan", "Del Lead",
                             "2026-12-01", "2026-10-12");
  cr_check_input_add_action (in, 10, "Undated", NULL, NULL, "2026-10-12");

  items = cr_rules_check (rules, in, "2026-11-23");
  assert_items (items, expected);
  g_assert_cmpstr (find_item (items, "papers-late", "Customer Core Group meeting of 13/04/2026")->detail,
                   ==,
                   "Papers went out on 07/04/2026, 4 working days before the "
                   "meeting on 13/04/2026; the terms of reference ask for at "
                   "least 5.");
  g_assert_cmpstr (find_item (items, "minutes-overdue", "Customer Core Group meeting of 12/10/2026")->detail,
                   ==,
                   "Minutes went out on 20/10/2026, 6 working days after the "
                   "meeting on 12/10/2026; the terms of reference ask for "
                   "them within 5.");
  g_assert_cmpstr (find_item (items, "chair-term", "Cora Chair")->detail, ==,
                   "Chair for 6 years in all since 01/05/2019; the terms of "
                   "reference allow at most 6 years, reached on 01/05/2026.");
  g_assert_cmpstr (find_item (items, "meeting-frequency", "Customer Core Group")->detail,
                   ==,
                   "3 meetings held in the 12 months to 23/11/2026; the terms "
                   "of reference ask for at least 4 a year.");
  g_assert_cmpint (find_item (items, "action-overdue", "Housing officer")->subject_kind, ==,
                   CR_ATTENTION_ACTION);
  g_assert_cmpint (find_item (items, "action-overdue", "Housing officer")->subject_id, ==, 7);
  g_assert_cmpstr (find_item (items, "quorum", "Customer Core Group meeting of 12/10/2026")->detail,
                   ==,
                   "2 of the 5 voting members were present and the quorum is "
                   "3 (rule 3), so what the meeting decided must be ratified "
                   "at a quorate meeting.");
}

/* ---- 003: Tenants' Overview and Scrutiny Panel ------------------------ *
 *
 * Quorum 50% of the membership, officers and co-optees not counted; at
 * most 8; 3 missed in a row or 5 in 12 months, "unless having explicit
 * reasons" (so apologies alone don't excuse); up to 3 years; the chair not
 * re-eligible after 3 consecutive years; at least 10 meetings a year; 80%
 * of the training first; the chair's casting vote. */
static void
test_check_003 (void)
{
  g_autoptr (CrRules) rules = rules_of ("quorum", "50%",
                                        "max-members", "8",
                                        "lapse-consecutive", "3",
                                        "lapse-in-12-months", "5",
                                        "apologies-excuse", "no",
                                        "term-years", "3",
                                        "chair-max-consecutive-years", "3",
                                        "meetings-per-year-min", "10",
                                        "training-threshold-percent", "80",
                                        "casting-vote", "yes",
                                        NULL);
  g_autoptr (CrCheckInput) in = cr_check_input_new (3, "Tenants’ Overview and Scrutiny Panel");
  g_autoptr (GPtrArray) items = NULL;
  const char *const expected[] = {
    "2026-05-06 quorum Tenants’ Overview and Scrutiny Panel meeting of 06/05/2026",
    "2026-06-01 term Wyn Veteran",
    "2026-07-01 lapse Quinn Scattered",
    "2026-09-02 lapse Pat Apologetic",
    "2026-09-06 chair-term Sam Steady",
    "2026-09-06 term Sam Steady",
    NULL
  };
  const char *const dates[] = {
    "2025-09-03", "2025-10-01", "2025-11-05", "2025-12-03", "2026-01-07",
    "2026-02-04", "2026-03-04", "2026-04-01", "2026-05-06", "2026-06-03",
    "2026-07-01", "2026-08-05", "2026-09-02",
  };
  guint m;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    meeting (in, dates[i], CR_MEETING_STATUS_HELD, NULL, NULL);

  /* Seven voting members: 50% of 7, rounded up, is 4. Meeting 8 had 3
   * there; meeting 10 had exactly 4. */
  m = member (in, "Pat Apologetic", TRUE, "2025-01-01", NULL);
  marks (in, m, "PPPPPPPPPPAAA");
  m = member (in, "Quinn Scattered", TRUE, "2025-01-01", NULL);
  marks (in, m, "PPXPXPXPXPXPP");
  m = member (in, "Rae Recovered", TRUE, "2025-01-01", NULL);
  marks (in, m, "PPPPPPPXXXPPP");
  m = member (in, "Sam Steady", TRUE, "2023-09-06", NULL);
  marks (in, m, "PPPPPPPPPPPPP");
  cr_check_input_add_office (in, m, "Chair", "2023-09-06", NULL);
  m = member (in, "Tia Former", TRUE, "2025-01-01", NULL);
  marks (in, m, "PPPPPPPPAPAPP");
  cr_check_input_add_office (in, m, "Chair", "2022-09-07", "2023-09-05");
  m = member (in, "Uma Usual", TRUE, "2025-01-01", NULL);
  marks (in, m, "PPPPPPPPAPPPP");
  m = member (in, "Wyn Veteran", TRUE, "2023-06-01", NULL);
  marks (in, m, "PPPPPPPPPPPPP");
  /* A co-opted member and a deputy there at the thin meeting, and the
   * housing officer: none of them counts. */
  m = member (in, "Cy Coopted", FALSE, "2025-01-01", NULL);
  marks (in, m, "........P....");
  m = member (in, "Dee Deputy", FALSE, "2025-01-01", NULL);
  marks (in, m, "XXXXXXXXPXXXX");
  m = cr_check_input_add_member (in, 50, "Olu Officer");
  cr_check_input_add_mark (in, m, 8, CR_ATTENDANCE_PRESENT, CR_ATTENDEE_OFFICER);

  items = cr_rules_check (rules, in, "2026-09-30");
  assert_items (items, expected);
  g_assert_cmpstr (find_item (items, "quorum", "Tenants’ Overview and Scrutiny Panel meeting of 06/05/2026")->detail,
                   ==,
                   "3 of the 7 voting members were present and the quorum is "
                   "4 (rule 50%), so what the meeting decided must be "
                   "ratified at a quorate meeting.");
  g_assert_cmpstr (find_item (items, "lapse", "Pat Apologetic")->detail, ==,
                   "Missed 3 meetings in a row (01/07, 05/08, 02/09/2026); the "
                   "terms of reference end membership after 3. Apologies "
                   "don’t excuse a missed meeting here.");
  g_assert_cmpstr (find_item (items, "lapse", "Quinn Scattered")->detail, ==,
                   "Missed 5 meetings in the 12 months to 30/09/2026 (05/11/2025, "
                   "07/01, 04/03, 06/05, 01/07/2026); the terms of reference "
                   "end membership after 5 in 12 months.");
  g_assert_cmpstr (find_item (items, "chair-term", "Sam Steady")->detail, ==,
                   "Chair without a break since 06/09/2023; the terms of "
                   "reference allow at most 3 years in a row, reached on "
                   "06/09/2026.");
  g_assert_cmpstr (find_item (items, "term", "Wyn Veteran")->detail, ==,
                   "A member without a break since 01/06/2023; the terms of "
                   "reference allow 1 term of 3 years, which ended on "
                   "01/06/2026.");

  /* With apologies as an excuse, Pat is fine. */
  g_assert_true (cr_rules_set (rules, "apologies-excuse", "yes", NULL));
  g_clear_pointer (&items, g_ptr_array_unref);
  items = cr_rules_check (rules, in, "2026-09-30");
  {
    const char *const excused[] = {
      "2026-05-06 quorum Tenants’ Overview and Scrutiny Panel meeting of 06/05/2026",
      "2026-06-01 term Wyn Veteran",
      "2026-07-01 lapse Quinn Scattered",
      "2026-09-06 chair-term Sam Steady",
      "2026-09-06 term Sam Steady",
      NULL
    };

    assert_items (items, excused);
  }

  /* A suspended member doesn't count towards the membership either: with
   * Uma suspended, 3 of 6 is 50%, and the meeting was quorate. */
  cr_check_input_add_bar (in, 5, "2026-04-20", "2026-06-30");
  g_clear_pointer (&items, g_ptr_array_unref);
  items = cr_rules_check (rules, in, "2026-09-30");
  {
    const char *const barred[] = {
      "2026-06-01 term Wyn Veteran",
      "2026-07-01 lapse Quinn Scattered",
      "2026-09-06 chair-term Sam Steady",
      "2026-09-06 term Sam Steady",
      NULL
    };

    assert_items (items, barred);
  }
}

/* ---- 004: Housing Focus Groups --------------------------------------- *
 *
 * Facilitated, not chaired; no quorum, no AGMs, no votes; five meetings a
 * year, none in December, January or February. */
static void
test_check_004 (void)
{
  g_autoptr (CrRules) rules = rules_of ("quorum", "none",
                                        "meetings-per-year-min", "5",
                                        "meeting-months-avoid", "12,1,2",
                                        "casting-vote", "no",
                                        NULL);
  g_autoptr (CrCheckInput) in = cr_check_input_new (4, "Housing Focus Group");
  g_autoptr (GPtrArray) items = NULL;
  const char *const expected[] = {
    "2025-11-23 meeting-frequency Housing Focus Group",
    "2026-01-19 meeting-frequency Housing Focus Group meeting of 19/01/2026",
    "2026-12-14 meeting-frequency Housing Focus Group meeting of 14/12/2026",
    NULL
  };
  g_autofree char *months = cr_rules_get_string (rules, "meeting-months-avoid");
  g_autofree char *quorum = cr_rules_get_string (rules, "quorum");
  guint m;

  g_assert_cmpstr (months, ==, "12,1,2");
  g_assert_cmpstr (quorum, ==, "none");

  meeting (in, "2025-03-10", CR_MEETING_STATUS_HELD, NULL, NULL);
  meeting (in, "2025-11-10", CR_MEETING_STATUS_HELD, NULL, NULL);
  /* In January: against the rule, and more than a year after December's. */
  meeting (in, "2026-01-19", CR_MEETING_STATUS_HELD, NULL, NULL);
  /* A February one called off doesn't matter. */
  meeting (in, "2026-02-16", CR_MEETING_STATUS_CANCELLED, NULL, NULL);
  meeting (in, "2026-03-09", CR_MEETING_STATUS_HELD, NULL, NULL);
  meeting (in, "2026-05-11", CR_MEETING_STATUS_HELD, NULL, NULL);
  meeting (in, "2026-07-13", CR_MEETING_STATUS_HELD, NULL, NULL);
  meeting (in, "2026-09-14", CR_MEETING_STATUS_CANCELLED, NULL, NULL);
  meeting (in, "2026-12-14", CR_MEETING_STATUS_PLANNED, NULL, NULL);

  /* One tenant came to a meeting: no quorum, nothing wrong. */
  m = member (in, "Nia Tenant", TRUE, "2025-01-01", NULL);
  marks (in, m, "..P");
  m = member (in, "Oz Tenant", TRUE, "2025-01-01", NULL);
  marks (in, m, "XXXXXXXX");

  items = cr_rules_check (rules, in, "2026-11-23");
  assert_items (items, expected);
  g_assert_cmpstr (find_item (items, "meeting-frequency", "Housing Focus Group meeting of 14/12/2026")->detail,
                   ==,
                   "Planned for December; the terms of reference say no "
                   "meetings in December, January or February.");
  g_assert_cmpstr (find_item (items, "meeting-frequency", "Housing Focus Group meeting of 19/01/2026")->detail,
                   ==,
                   "Held in January; the terms of reference say no meetings "
                   "in December, January or February.");
  g_assert_cmpstr (find_item (items, "meeting-frequency", "Housing Focus Group")->detail,
                   ==,
                   "4 meetings held in the 12 months to 23/11/2026; the terms "
                   "of reference ask for at least 5 a year.");
  g_assert_cmpint (find_item (items, "meeting-frequency", "Housing Focus Group")->subject_kind,
                   ==, CR_ATTENTION_GROUP);
}

/* ---- annual general meetings and elections --------------------------- */

static void
test_check_agm (void)
{
  g_autoptr (CrRules) rules = rules_of ("agm-max-months", "15",
                                        "agm-notice-days", "14",
                                        "quorum", "min(20,10%)",
                                        NULL);
  g_autoptr (CrCheckInput) in = cr_check_input_new (5, "Ashbourne Vale TRA");
  g_autoptr (GPtrArray) items = NULL;
  const char *const expected[] = {
    "2026-10-11 election-due Chair Person",
    "2027-01-11 agm-due Ashbourne Vale TRA",
    "2027-01-23 agm-notice Annual general meeting of 06/02/2027",
    NULL
  };
  guint m;

  cr_check_input_add_meeting (in, 1, "2024-10-12", CR_MEETING_KIND_AGM,
                              CR_MEETING_STATUS_HELD, "2024-09-20", NULL);
  cr_check_input_add_meeting (in, 2, "2025-10-11", CR_MEETING_KIND_AGM,
                              CR_MEETING_STATUS_HELD, "2025-09-20", NULL);
  cr_check_input_add_meeting (in, 3, "2027-02-06", CR_MEETING_KIND_AGM,
                              CR_MEETING_STATUS_PLANNED, "2027-01-30", NULL);

  m = member (in, "Chair Person", TRUE, "2020-01-01", NULL);
  cr_check_input_add_office (in, m, "Chair", "2024-10-12", NULL);
  m = member (in, "New Secretary", TRUE, "2020-01-01", NULL);
  cr_check_input_add_office (in, m, "Secretary", "2026-03-01", NULL);

  items = cr_rules_check (rules, in, "2027-01-31");
  assert_items (items, expected);
  g_assert_cmpstr (find_item (items, "agm-due", "Ashbourne Vale TRA")->detail, ==,
                   "The last annual general meeting was on 11/10/2025; the "
                   "terms of reference allow at most 15 months between them, "
                   "so one was due by 11/01/2027.");
  g_assert_cmpstr (find_item (items, "agm-notice", "Annual general meeting of 06/02/2027")->detail,
                   ==,
                   "Notice went out on 30/01/2027, 7 days before the annual "
                   "general meeting on 06/02/2027; the terms of reference ask "
                   "for at least 14 days.");
  g_assert_cmpstr (find_item (items, "election-due", "Chair Person")->detail, ==,
                   "Chair since 12/10/2024; there has been no annual general "
                   "meeting since 11/10/2025, and officers are elected each "
                   "year at the AGM.");

  /* Earlier, nothing was due, and notice sent after the date isn't yet. */
  g_clear_pointer (&items, g_ptr_array_unref);
  items = cr_rules_check (rules, in, "2026-06-01");
  g_assert_cmpuint (items->len, ==, 0);

  /* Without the AGM rules there are no elections to hold. */
  g_assert_true (cr_rules_set (rules, "agm-max-months", "none", NULL));
  g_assert_true (cr_rules_set (rules, "agm-notice-days", "none", NULL));
  g_clear_pointer (&items, g_ptr_array_unref);
  items = cr_rules_check (rules, in, "2027-01-31");
  g_assert_cmpuint (items->len, ==, 0);
}

static void
test_check_empty (void)
{
  g_autoptr (CrRules) rules = cr_rules_new ();
  g_autoptr (CrCheckInput) in = cr_check_input_new (6, "Empty");
  g_autoptr (GPtrArray) items = cr_rules_check (rules, in, "2026-01-01");

  g_assert_cmpuint (items->len, ==, 0);
}


/* Quorum in tiers by the households a group covers. */
static void
test_rules_tiers (void)
{
  g_autoptr (CrRules) rules = rules_of ("quorum", "tiers(100:5, 400:8, 12)", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  const char *const bad[] = {
    "tiers()", "tiers(12)", "tiers(100:5,50:8,12)", "tiers(100:5,400:8)",
    "tiers(100:0,12)", "tiers(100:5,400:8,12", "tiers(a:5,12)", "tiers(100:5:6,12)",
  };

  text = cr_rules_get_string (rules, "quorum");
  g_assert_cmpstr (text, ==, "tiers(100:5,400:8,12)");
  /* No households known: the strictest, the last tier. */
  g_assert_cmpint (rules->quorum.mode, ==, CR_QUORUM_COUNT);
  g_assert_cmpuint (rules->quorum.count, ==, 12);

  g_assert_true (cr_rules_set (rules, "households", "100", NULL));
  g_assert_cmpuint (rules->quorum.count, ==, 5);
  g_assert_true (cr_rules_set (rules, "households", "101", NULL));
  g_assert_cmpuint (rules->quorum.count, ==, 8);
  g_assert_true (cr_rules_set (rules, "households", "400", NULL));
  g_assert_cmpuint (rules->quorum.count, ==, 8);
  g_assert_true (cr_rules_set (rules, "households", "401", NULL));
  g_assert_cmpuint (rules->quorum.count, ==, 12);

  /* Households first, then the tiers: the same. */
  {
    g_autoptr (CrRules) other = rules_of ("households", "250",
                                          "quorum", "tiers(100:5,400:8,12)", NULL);

    g_assert_cmpuint (other->quorum.count, ==, 8);
    /* A plain quorum replaces the tiers. */
    g_assert_true (cr_rules_set (other, "quorum", "50%", NULL));
    g_assert_cmpint (other->quorum.mode, ==, CR_QUORUM_PERCENT);
    g_clear_pointer (&text, g_free);
    text = cr_rules_get_string (other, "quorum");
    g_assert_cmpstr (text, ==, "50%");
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) local = NULL;

      g_assert_false (cr_rules_set (rules, "quorum", bad[i], &local));
      g_assert_error (local, CR_RULES_ERROR, CR_RULES_ERROR_INVALID_VALUE);
      g_assert_nonnull (strstr (local->message, "tiers(100:5,400:8,12)"));
    }
  /* Refused values left the rule as it was. */
  g_clear_pointer (&text, g_free);
  text = cr_rules_get_string (rules, "quorum");
  g_assert_cmpstr (text, ==, "tiers(100:5,400:8,12)");
  g_assert_true (cr_rules_set (rules, "quorum", "none", &error));
  g_assert_false (cr_rules_has (rules, CR_RULE_QUORUM));
  g_assert_true (cr_rules_set (rules, "households", "90", &error));
  g_assert_false (cr_rules_has (rules, CR_RULE_QUORUM));

  /* Every key explains itself. */
  for (guint k = 0; k < CR_RULE_N_KEYS; k++)
    g_assert_cmpuint (strlen (cr_rules_key_get_help ((CrRuleKey) k)), >, 10);
}

/* A tiered quorum judges a meeting by the group's size: 6 of 7 members
 * present is quorate for a small estate, not for a large one. */
static void
test_check_tiers (void)
{
  g_autoptr (CrRules) small = rules_of ("quorum", "tiers(100:5,400:8,12)",
                                        "households", "80", NULL);
  g_autoptr (CrRules) large = rules_of ("quorum", "tiers(100:5,400:8,12)",
                                        "households", "900", NULL);
  g_autoptr (CrCheckInput) in = cr_check_input_new (7, "Estate Board");
  g_autoptr (GPtrArray) items = NULL;
  const char *const expected[] = {
    "2026-03-10 quorum Estate Board meeting of 10/03/2026",
    NULL
  };

  meeting (in, "2026-03-10", CR_MEETING_STATUS_HELD, NULL, NULL);
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *name = g_strdup_printf ("Member %u", i);
      guint m = member (in, name, TRUE, "2025-01-01", NULL);

      marks (in, m, i < 6 ? "P" : "X");
    }
  items = cr_rules_check (small, in, "2026-04-01");
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = cr_rules_check (large, in, "2026-04-01");
  assert_items (items, expected);
  g_assert_nonnull (strstr (((CrAttentionItem *) items->pdata[0])->detail,
                            "the quorum is 12 (rule tiers(100:5,400:8,12))"));
}

/* Items proposed later than agenda-items-notice-weeks allow. */
static void
test_check_agenda_late (void)
{
  g_autoptr (CrRules) rules = rules_of ("agenda-items-notice-weeks", "2", NULL);
  g_autoptr (CrCheckInput) in = cr_check_input_new (8, "Residents’ Panel");
  g_autoptr (GPtrArray) items = NULL;
  const char *const expected[] = {
    /* Dated the day it was proposed. */
    "2026-02-25 agenda-late Residents’ Panel meeting of 04/03/2026",
    "2026-05-26 agenda-late Residents’ Panel meeting of 03/06/2026",
    NULL
  };
  guint held, planned, cancelled, old;

  old = meeting (in, "2025-01-08", CR_MEETING_STATUS_HELD, NULL, NULL);
  held = meeting (in, "2026-03-04", CR_MEETING_STATUS_HELD, NULL, NULL);
  cancelled = meeting (in, "2026-04-01", CR_MEETING_STATUS_CANCELLED, NULL, NULL);
  planned = meeting (in, "2026-06-03", CR_MEETING_STATUS_PLANNED, NULL, NULL);

  /* More than a year before the check: history, not flagged. */
  cr_check_input_add_agenda_item (in, old, "Bins", "2025-01-07");
  /* Exactly two weeks before is in time; a day later is not. */
  cr_check_input_add_agenda_item (in, held, "Lifts", "2026-02-18");
  cr_check_input_add_agenda_item (in, held, "Parking", "2026-02-25");
  cr_check_input_add_agenda_item (in, cancelled, "Lighting", "2026-03-31");
  cr_check_input_add_agenda_item (in, planned, "Repairs", "2026-05-26");
  /* Proposed after the check date: not known yet. */
  cr_check_input_add_agenda_item (in, planned, "Heating", "2026-06-01");

  items = cr_rules_check (rules, in, "2026-05-30");
  assert_items (items, expected);
  g_assert_cmpstr (((CrAttentionItem *) items->pdata[0])->detail, ==,
                   "“Parking” was proposed on 25/02/2026 for the meeting on "
                   "04/03/2026; the terms of reference ask for items 2 weeks "
                   "before, by 18/02/2026. The chair may take it as urgent "
                   "business or hold it over to the next meeting.");

  /* Without the rule nothing is late. */
  g_assert_true (cr_rules_set (rules, "agenda-items-notice-weeks", "none", NULL));
  g_clear_pointer (&items, g_ptr_array_unref);
  items = cr_rules_check (rules, in, "2026-05-30");
  g_assert_cmpuint (items->len, ==, 0);
}

/* A meeting is judged by the rules in force on its date: papers sent 3
 * working days ahead were fine under the old terms (2 days), late under
 * today's (5); a quorum of 3 then, 5 now. */
static void
test_check_rules_of_the_day (void)
{
  g_autoptr (CrRules) old_rules = rules_of ("quorum", "3",
                                            "papers-notice-working-days", "2",
                                            "minutes-due-working-days", "10",
                                            NULL);
  g_autoptr (CrRules) today = rules_of ("quorum", "5",
                                        "papers-notice-working-days", "5",
                                        "minutes-due-working-days", "3",
                                        NULL);
  g_autoptr (CrCheckInput) in = cr_check_input_new (9, "Core Group");
  g_autoptr (GPtrArray) items = NULL;
  const char *const under_old[] = { NULL };
  const char *const all_today[] = {
    "2026-02-04 papers-late Core Group meeting of 11/02/2026",
    "2026-02-11 quorum Core Group meeting of 11/02/2026",
    "2026-02-16 minutes-overdue Core Group meeting of 11/02/2026",
    NULL
  };
  guint m;

  /* Wednesday 11 February 2026: papers on Friday 6th (3 working days),
   * minutes on Friday 20th (7 working days). */
  m = meeting (in, "2026-02-11", CR_MEETING_STATUS_HELD, "2026-02-06",
               "2026-02-20");
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("Member %u", i);
      guint p = member (in, name, TRUE, "2025-01-01", NULL);

      marks (in, p, i < 4 ? "P" : "A");
    }
  cr_check_input_set_meeting_rules (in, m, old_rules);
  items = cr_rules_check (today, in, "2026-06-01");
  assert_items (items, under_old);

  /* Without the meeting's own rules, today's judge it. */
  cr_check_input_set_meeting_rules (in, m, NULL);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = cr_rules_check (today, in, "2026-06-01");
  assert_items (items, all_today);
}

/* What the Overview shows as a meeting's deadlines. */
static void
test_rules_deadlines (void)
{
  g_autoptr (CrRules) rules = rules_of ("papers-notice-working-days", "5",
                                        "agenda-items-notice-weeks", "4",
                                        "agm-notice-days", "21", NULL);
  g_autofree char *papers = NULL;
  g_autofree char *agenda = NULL;
  g_autofree char *notice = NULL;

  /* Tuesday 7 April 2026, the day after Easter Monday: five working days
   * back skip Good Friday and Easter Monday. */
  g_assert_true (cr_rules_meeting_deadlines (rules, "2026-04-07", TRUE,
                                             &papers, &agenda, &notice));
  g_assert_cmpstr (papers, ==, "2026-03-27");
  g_assert_cmpstr (agenda, ==, "2026-03-10");
  g_assert_cmpstr (notice, ==, "2026-03-17");
  g_clear_pointer (&notice, g_free);
  g_clear_pointer (&papers, g_free);
  g_clear_pointer (&agenda, g_free);

  /* Not an AGM: no notice date; no rule: no date. */
  g_assert_true (cr_rules_set (rules, "agenda-items-notice-weeks", "none", NULL));
  g_assert_true (cr_rules_meeting_deadlines (rules, "2026-04-07", FALSE,
                                             &papers, &agenda, &notice));
  g_assert_nonnull (papers);
  g_assert_null (agenda);
  g_assert_null (notice);
  g_assert_false (cr_rules_meeting_deadlines (rules, "7 April", FALSE, NULL,
                                              NULL, NULL));
}

/* Every template's rules are rules the engine reads, its sections have
 * headings and text, and the shapes differ. */
static void
test_templates (void)
{
  const CrTemplate *templates;
  guint n;

  templates = cr_templates_get (&n);
  g_assert_cmpuint (n, >=, 4);
  g_assert_cmpstr (templates[0].id, ==, "blank");
  g_assert_cmpuint (cr_template_n_rules (&templates[0]), ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CrRules) rules = cr_rules_new ();

      g_assert_true (cr_template_find (templates[i].id) == &templates[i]);
      g_assert_cmpuint (cr_template_n_sections (&templates[i]), >=, 3);
      for (guint j = 0; templates[i].rules[j].key != NULL; j++)
        {
          g_autoptr (GError) error = NULL;

          g_assert_true (cr_rules_set (rules, templates[i].rules[j].key,
                                       templates[i].rules[j].value, &error));
          g_assert_no_error (error);
        }
      for (guint j = 0; templates[i].sections[j].heading != NULL; j++)
        g_assert_cmpuint (strlen (templates[i].sections[j].text), >, 10);
    }
  g_assert_nonnull (cr_template_find ("SCRUTINY-PANEL"));
  g_assert_null (cr_template_find ("no-such"));
  g_assert_null (cr_template_find (NULL));
  {
    g_autoptr (CrRules) tra = cr_rules_new ();
    const CrTemplate *t = cr_template_find ("tra-committee");

    for (guint j = 0; t->rules[j].key != NULL; j++)
      cr_rules_set (tra, t->rules[j].key, t->rules[j].value, NULL);
    /* The committee with an AGM has the AGM rules; the focus group not. */
    g_assert_true (cr_rules_has (tra, CR_RULE_AGM_MAX_MONTHS));
    g_assert_true (cr_rules_has (tra, CR_RULE_AGM_NOTICE_DAYS));
  }
  {
    const CrTemplate *t = cr_template_find ("focus-group");

    for (guint j = 0; t->rules[j].key != NULL; j++)
      g_assert_false (g_str_has_prefix (t->rules[j].key, "agm"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/keys", test_rules_keys);
  g_test_add_func ("/rules/set", test_rules_set);
  g_test_add_func ("/rules/check/000-focus-group", test_check_000);
  g_test_add_func ("/rules/check/001-core-group", test_check_001);
  g_test_add_func ("/rules/check/003-scrutiny-panel", test_check_003);
  g_test_add_func ("/rules/check/004-housing-focus-groups", test_check_004);
  g_test_add_func ("/rules/check/agm", test_check_agm);
  g_test_add_func ("/rules/check/empty", test_check_empty);
  g_test_add_func ("/rules/tiers", test_rules_tiers);
  g_test_add_func ("/rules/check/tiers", test_check_tiers);
  g_test_add_func ("/rules/check/agenda-late", test_check_agenda_late);
  g_test_add_func ("/rules/check/rules-of-the-day", test_check_rules_of_the_day);
  g_test_add_func ("/rules/deadlines", test_rules_deadlines);
  g_test_add_func ("/rules/templates", test_templates);

  return g_test_run ();
}
