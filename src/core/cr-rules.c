/* cr-rules.c: a group's structured rules, and the engine that checks a
 * group's records against them
 *
 * The rules are DESIGN.md's table: each is set to a value or "none" (not
 * checked). cr_rules_check() is a pure function from one group's rules,
 * members, meetings, marks and open actions and a date to the list of
 * things that need attention on that date. It reads the records as they
 * stand on the date: a mark, a membership or minutes dated after it are
 * not yet there.
 *
 * What each rule checks, and the choices made where the documents leave
 * room:
 *
 * - lapse: only current voting members are checked. A member's meetings
 *   are the held meetings, up to the date, at which they were a voting
 *   member and have a mark; a meeting without a mark for them ("empty:
 *   not a member then", as the register says) is not one of theirs. A
 *   meeting is missed if they were absent, or sent apologies where
 *   apologies-excuse isn't yes; any other mark ends a run of misses.
 *   lapse-consecutive looks at the run they are on now;
 *   lapse-in-12-months counts misses in the 12 months up to the date. A
 *   member gets one item: the run if it is long enough, else the count.
 * - quorum, papers-late, minutes-overdue and meetings in an avoided month
 *   look at meetings in the 12 months up to the date (and, for papers and
 *   avoided months, at meetings planned after it): older ones need no
 *   attention now. A meeting is inquorate if it was held, its attendance
 *   was taken, and fewer voting members (not barred by a suspension or
 *   exclusion on the day) were present as members than the quorum needs.
 * - papers-late: papers sent fewer working days before the meeting than
 *   the rule asks; and papers for a coming meeting not sent when the last
 *   day for them has passed. A past meeting with no date for its papers is
 *   not reported: nobody knows.
 * - minutes-overdue: minutes circulated later than the rule allows, or
 *   not circulated when the last day has passed.
 * - max-members: current voting members above the maximum; dated from when
 *   the present members first numbered more than the maximum.
 * - term: a voting membership without a break (one membership following
 *   another within a day) as long as term-years × max-terms (one term if
 *   max-terms is not set), for current members.
 * - chair-term: the current chair (an office named "Chair", in any case)
 *   who has held it for chair-max-consecutive-years without a break, or
 *   chair-max-years in all; one item, the consecutive limit first.
 * - meeting-frequency: fewer meetings held in the 12 months up to the date
 *   than meetings-per-year-min, for a group that has met for at least
 *   that long; and any meeting (not cancelled) in a month to avoid.
 * - agm-due: no annual general meeting held within agm-max-months of the
 *   last one (or of the group's first meeting, if it has had none).
 * - agm-notice: a planned AGM whose notice (the date its papers were sent)
 *   came fewer than agm-notice-days calendar days before it, or has not
 *   gone out when the last day for it has passed.
 * - election-due: only for groups with agm-max-months, whose officers are
 *   taken to be elected at the AGM: an office held, without a break, for
 *   12 months since the holder took it or since the last AGM, whichever
 *   is later.
 * - action-overdue: every open or in-progress action past its due date.
 *
 * Not checked yet, for want of records: training-threshold-percent
 * (training) and grant reports (grant-report-due). agenda-items-notice-weeks
 * and casting-vote are held for the window and the votes; nothing here
 * checks them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-core"

#include "config.h"

#include "cr-rules.h"

#include "cr-date.h"
#include "cr-workdays.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (cr-rules-error-quark, cr_rules_error)

typedef enum
{
  TYPE_QUORUM,
  TYPE_NUMBER,
  TYPE_YES_NO,
  TYPE_MONTHS,
} RuleType;

typedef struct
{
  const char *key;
  RuleType    type;
  guint       min;
  guint       max;
  const char *label;   /* N_() */
} RuleInfo;

static const RuleInfo rule_info[CR_RULE_N_KEYS] = {
  [CR_RULE_QUORUM] = { "quorum", TYPE_QUORUM, 0, 0,
    N_("Voting members present for a meeting to decide") },
  [CR_RULE_MAX_MEMBERS] = { "max-members", TYPE_NUMBER, 1, 9999,
    N_("Most voting members") },
  [CR_RULE_LAPSE_CONSECUTIVE] = { "lapse-consecutive", TYPE_NUMBER, 1, 99,
    N_("Meetings missed in a row that end a membership") },
  [CR_RULE_LAPSE_IN_12_MONTHS] = { "lapse-in-12-months", TYPE_NUMBER, 1, 99,
    N_("Meetings missed in 12 months that end a membership") },
  [CR_RULE_APOLOGIES_EXCUSE] = { "apologies-excuse", TYPE_YES_NO, 0, 1,
    N_("Apologies keep a missed meeting from counting") },
  [CR_RULE_TERM_YEARS] = { "term-years", TYPE_NUMBER, 1, 50,
    N_("Years in a term") },
  [CR_RULE_MAX_TERMS] = { "max-terms", TYPE_NUMBER, 1, 50,
    N_("Terms one person may serve in a row") },
  [CR_RULE_CHAIR_MAX_YEARS] = { "chair-max-years", TYPE_NUMBER, 1, 50,
    N_("Most years in the chair in all") },
  [CR_RULE_CHAIR_MAX_CONSECUTIVE_YEARS] = { "chair-max-consecutive-years",
    TYPE_NUMBER, 1, 50, N_("Most years in the chair in a row") },
  [CR_RULE_MEETINGS_PER_YEAR_MIN] = { "meetings-per-year-min", TYPE_NUMBER,
    1, 366, N_("Fewest meetings in any 12 months") },
  [CR_RULE_MEETING_MONTHS_AVOID] = { "meeting-months-avoid", TYPE_MONTHS,
    0, 0, N_("Months in which no meeting is held") },
  [CR_RULE_PAPERS_NOTICE_WORKING_DAYS] = { "papers-notice-working-days",
    TYPE_NUMBER, 1, 99, N_("Working days before a meeting its papers go out") },
  [CR_RULE_MINUTES_DUE_WORKING_DAYS] = { "minutes-due-working-days",
    TYPE_NUMBER, 1, 99,
    N_("Working days after a meeting its minutes go out") },
  [CR_RULE_AGENDA_ITEMS_NOTICE_WEEKS] = { "agenda-items-notice-weeks",
    TYPE_NUMBER, 1, 52, N_("Weeks before a meeting items are proposed") },
  [CR_RULE_TRAINING_THRESHOLD_PERCENT] = { "training-threshold-percent",
    TYPE_NUMBER, 1, 100,
    N_("Share of the core courses completed before full membership") },
  [CR_RULE_CASTING_VOTE] = { "casting-vote", TYPE_YES_NO, 0, 1,
    N_("The chair breaks a tie") },
  [CR_RULE_AGM_MAX_MONTHS] = { "agm-max-months", TYPE_NUMBER, 1, 120,
    N_("Most months between annual general meetings") },
  [CR_RULE_AGM_NOTICE_DAYS] = { "agm-notice-days", TYPE_NUMBER, 1, 366,
    N_("Days of notice before an annual general meeting") },
  [CR_RULE_HOUSEHOLDS] = { "households", TYPE_NUMBER, 1, 1000000,
    N_("Households the group covers") },
  [CR_RULE_LEAD_MAX_PRIORITIES] = { "lead-max-priorities", TYPE_NUMBER, 1,
    99, N_("Work plan priorities one resident may lead") },
  [CR_RULE_REVIEWS_PER_YEAR_MAX] = { "reviews-per-year-max", TYPE_NUMBER, 1,
    99, N_("Most service reviews in a year") },
  [CR_RULE_REQUEST_RESPONSE_DAYS] = { "request-response-days", TYPE_NUMBER,
    1, 366, N_("Days a manager has to answer a request for information") },
  [CR_RULE_COMMENTS_DUE_DAYS] = { "comments-due-days", TYPE_NUMBER, 1, 366,
    N_("Days a manager has to comment on a review's findings") },
  [CR_RULE_RETENTION_YEARS] = { "retention-years", TYPE_NUMBER, 1, 99,
    N_("Years former members' contact details are kept") },
};

/* What each rule means and how to write it, in plain words, for `rules
 * show` and the Terms of Reference page. A key without one here shows its
 * label. */
static const char *const rule_help[CR_RULE_N_KEYS] = {
  [CR_RULE_QUORUM] = N_("A number of voting members (4), a share of the "
    "voting membership rounded up (50%), the lesser or greater of the two "
    "(min(10,33%), max(3,25%)), or tiers by the households the group "
    "covers: tiers(100:5,400:8,12) is 5 up to 100 households, 8 up to 400, "
    "12 above (set households too)."),
  [CR_RULE_MAX_MEMBERS] = N_("More voting members than this is flagged."),
  [CR_RULE_LAPSE_CONSECUTIVE] = N_("A member who misses this many meetings "
    "in a row stops being a member."),
  [CR_RULE_LAPSE_IN_12_MONTHS] = N_("A member who misses this many meetings "
    "in 12 months stops being a member."),
  [CR_RULE_APOLOGIES_EXCUSE] = N_("yes: a meeting missed with apologies "
    "does not count towards a lapse."),
  [CR_RULE_TERM_YEARS] = N_("How long a term of office lasts, in years."),
  [CR_RULE_MAX_TERMS] = N_("Terms one person may serve in a row."),
  [CR_RULE_CHAIR_MAX_YEARS] = N_("Years one person may chair in all."),
  [CR_RULE_CHAIR_MAX_CONSECUTIVE_YEARS] = N_("Years one person may chair "
    "without a break."),
  [CR_RULE_MEETINGS_PER_YEAR_MIN] = N_("The group meets at least this many "
    "times in any 12 months."),
  [CR_RULE_MEETING_MONTHS_AVOID] = N_("Month numbers with commas, like "
    "12,1,2: no meeting is held then."),
  [CR_RULE_PAPERS_NOTICE_WORKING_DAYS] = N_("Papers go out at least this "
    "many working days before a meeting."),
  [CR_RULE_MINUTES_DUE_WORKING_DAYS] = N_("Minutes go out within this many "
    "working days after a meeting."),
  [CR_RULE_AGENDA_ITEMS_NOTICE_WEEKS] = N_("Agenda items are proposed at "
    "least this many weeks before a meeting."),
  [CR_RULE_TRAINING_THRESHOLD_PERCENT] = N_("Share of the core training "
    "programme a member completes before full membership."),
  [CR_RULE_CASTING_VOTE] = N_("yes: the chair breaks a tied vote."),
  [CR_RULE_AGM_MAX_MONTHS] = N_("Most months from one annual general "
    "meeting to the next."),
  [CR_RULE_AGM_NOTICE_DAYS] = N_("Calendar days of notice residents get "
    "before an annual general meeting."),
  [CR_RULE_HOUSEHOLDS] = N_("Households the group covers; chooses the tier "
    "of a quorum written as tiers(…)."),
  [CR_RULE_LEAD_MAX_PRIORITIES] = N_("A resident leads at most this many "
    "priorities of one year's work plan."),
  [CR_RULE_REVIEWS_PER_YEAR_MAX] = N_("No more than this many service "
    "reviews are planned in one year."),
  [CR_RULE_REQUEST_RESPONSE_DAYS] = N_("Calendar days a manager has to "
    "answer a request for information (28 in many panels' terms), unless "
    "they write to the chair with another deadline."),
  [CR_RULE_COMMENTS_DUE_DAYS] = N_("Calendar days management has to "
    "comment on a review's findings report."),
  [CR_RULE_RETENTION_YEARS] = N_("Former members' contact details are "
    "erased this many years after their last membership ended; `check` "
    "lists those past it."),
};

static const char *const month_names[] = {
  NULL, N_("January"), N_("February"), N_("March"), N_("April"), N_("May"),
  N_("June"), N_("July"), N_("August"), N_("September"), N_("October"),
  N_("November"), N_("December"),
};

/* ---- keys ------------------------------------------------------------ */

/**
 * cr_rules_get_keys:
 *
 * Returns: (transfer none) (array zero-terminated=1): the rules' keys in
 *   DESIGN.md's order
 */
const char *const *
cr_rules_get_keys (void)
{
  static const char *keys[CR_RULE_N_KEYS + 1];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < CR_RULE_N_KEYS; i++)
        keys[i] = rule_info[i].key;
      keys[CR_RULE_N_KEYS] = NULL;
      g_once_init_leave (&done, 1);
    }
  return keys;
}

/**
 * cr_rules_key_from_string:
 * @key: a key as DESIGN.md writes it, in any case
 *
 * Returns: %TRUE if @key names a rule
 */
gboolean
cr_rules_key_from_string (const char *key,
                          CrRuleKey  *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (key == NULL)
    return FALSE;
  for (guint i = 0; i < CR_RULE_N_KEYS; i++)
    if (g_ascii_strcasecmp (rule_info[i].key, key) == 0)
      {
        *out = (CrRuleKey) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * cr_rules_key_to_string:
 *
 * Returns: (transfer none): the key's name ("max-members")
 */
const char *
cr_rules_key_to_string (CrRuleKey key)
{
  g_return_val_if_fail ((guint) key < CR_RULE_N_KEYS, NULL);
  return rule_info[key].key;
}

/**
 * cr_rules_key_get_label:
 *
 * Returns: (transfer none): what the rule is, translated, for the window
 */
const char *
cr_rules_key_get_label (CrRuleKey key)
{
  g_return_val_if_fail ((guint) key < CR_RULE_N_KEYS, "");
  return g_dgettext (GETTEXT_PACKAGE, rule_info[key].label);
}

/**
 * cr_rules_key_get_help:
 *
 * Returns: (transfer none): what the rule means and how to write its
 *   value, translated
 */
const char *
cr_rules_key_get_help (CrRuleKey key)
{
  g_return_val_if_fail ((guint) key < CR_RULE_N_KEYS, "");
  if (rule_help[key] == NULL)
    return cr_rules_key_get_label (key);
  return g_dgettext (GETTEXT_PACKAGE, rule_help[key]);
}

/* ---- rules ----------------------------------------------------------- */

/**
 * cr_quorum_tiers_count:
 * @households: the households a group covers, or 0 if not known
 *
 * Returns: the quorum the tiers give; with no households known, the last
 *   tier's, the strictest, so that a missing figure never lowers it
 */
guint
cr_quorum_tiers_count (const CrQuorumTiers *tiers,
                       guint                households)
{
  g_return_val_if_fail (tiers != NULL, 0);

  if (households == 0)
    return tiers->otherwise;
  for (guint i = 0; i < tiers->n; i++)
    if (households <= tiers->up_to[i])
      return tiers->count[i];
  return tiers->otherwise;
}

static gboolean parse_number (const char *text,
                              guint       min,
                              guint       max,
                              guint      *out);

/* Parses "tiers(100:5,400:8,12)": bounds rising, a last catch-all. */
static gboolean
parse_tiers (const char    *text,
             CrQuorumTiers *out)
{
  g_auto (GStrv) parts = NULL;
  g_autofree char *inner = NULL;
  CrQuorumTiers t = { 0 };
  gsize len = strlen (text);
  guint n_parts;

  if (!g_str_has_prefix (text, "tiers(") || len < 8 || text[len - 1] != ')')
    return FALSE;
  inner = g_strndup (text + 6, len - 7);
  parts = g_strsplit (inner, ",", -1);
  n_parts = g_strv_length (parts);
  if (n_parts < 2 || n_parts > CR_QUORUM_MAX_TIERS + 1)
    return FALSE;
  for (guint i = 0; i < n_parts; i++)
    {
      char *part = g_strstrip (parts[i]);
      char *colon = strchr (part, ':');

      if (i + 1 == n_parts)
        {
          if (colon != NULL || !parse_number (part, 1, 9999, &t.otherwise))
            return FALSE;
          break;
        }
      if (colon == NULL)
        return FALSE;
      *colon = '\0';
      if (!parse_number (g_strstrip (part), 1, 1000000, &t.up_to[t.n]) ||
          !parse_number (g_strstrip (colon + 1), 1, 9999, &t.count[t.n]) ||
          (t.n > 0 && t.up_to[t.n] <= t.up_to[t.n - 1]))
        return FALSE;
      t.n++;
    }
  *out = t;
  return TRUE;
}

static char *
tiers_to_string (const CrQuorumTiers *tiers)
{
  GString *s = g_string_new ("tiers(");

  for (guint i = 0; i < tiers->n; i++)
    g_string_append_printf (s, "%u:%u,", tiers->up_to[i], tiers->count[i]);
  g_string_append_printf (s, "%u)", tiers->otherwise);
  return g_string_free (s, FALSE);
}

/* With tiers, the quorum checked is the count they give for the
 * households, whichever of the two rules was set first. */
static void
resolve_tiers (CrRules *rules)
{
  if (rules->tiers.n == 0)
    return;
  rules->quorum = (CrQuorumRule) {
    CR_QUORUM_COUNT,
    cr_quorum_tiers_count (&rules->tiers,
                           cr_rules_get_value (rules, CR_RULE_HOUSEHOLDS)),
    0
  };
}

/**
 * cr_rules_new:
 *
 * Returns: (transfer full): rules with nothing set; free with
 *   cr_rules_free()
 */
CrRules *
cr_rules_new (void)
{
  return g_new0 (CrRules, 1);
}

/**
 * cr_rules_copy:
 *
 * Returns: (transfer full): a copy of @rules
 */
CrRules *
cr_rules_copy (const CrRules *rules)
{
  g_return_val_if_fail (rules != NULL, NULL);
  return g_memdup2 (rules, sizeof *rules);
}

void
cr_rules_free (CrRules *rules)
{
  g_free (rules);
}

/**
 * cr_rules_has:
 *
 * Returns: whether the rule @key is set (a quorum of "none" is not)
 */
gboolean
cr_rules_has (const CrRules *rules,
              CrRuleKey      key)
{
  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail ((guint) key < CR_RULE_N_KEYS, FALSE);
  return (rules->set & (1u << key)) != 0;
}

/**
 * cr_rules_get_value:
 *
 * Returns: the rule's whole number (1 for yes, 0 for no, the months as
 *   bits); 0 if it is not set
 */
guint
cr_rules_get_value (const CrRules *rules,
                    CrRuleKey      key)
{
  g_return_val_if_fail (rules != NULL, 0);
  g_return_val_if_fail ((guint) key < CR_RULE_N_KEYS, 0);
  return cr_rules_has (rules, key) ? rules->value[key] : 0;
}

static gboolean
parse_number (const char *text,
              guint       min,
              guint       max,
              guint      *out)
{
  guint64 n = 0;
  const char *p = text;

  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      n = n * 10 + (guint) (*p - '0');
      if (n > max)
        return FALSE;
    }
  if (*p != '\0' || n < min)
    return FALSE;
  *out = (guint) n;
  return TRUE;
}

static gboolean
parse_month (const char *word,
             guint      *month)
{
  static const char *const english[] = {
    NULL, "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
  };

  if (parse_number (word, 1, 12, month))
    return TRUE;
  for (guint m = 1; m <= 12; m++)
    if (strlen (word) >= 3 && g_str_has_prefix (english[m], word))
      {
        *month = m;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_months (const char *text,
              guint      *out)
{
  g_auto (GStrv) words = g_strsplit (text, ",", -1);
  guint bits = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint month;

      g_strstrip (words[i]);
      if (!parse_month (words[i], &month))
        return FALSE;
      bits |= 1u << (month - 1);
    }
  if (bits == 0)
    return FALSE;
  *out = bits;
  return TRUE;
}

/* The months in @bits as "12,1,2": in calendar order, starting after the
 * longest stretch of months not in the set, so winter reads as winter. */
static char *
months_to_string (guint bits)
{
  GString *out = g_string_new (NULL);
  guint start = 0, best = 0;

  for (guint m = 0; m < 12; m++)
    {
      guint gap = 0;

      /* The gap of months not in the set that ends just before m. */
      if (!(bits & (1u << m)))
        continue;
      while (gap < 11 && !(bits & (1u << ((m + 11 - gap) % 12))))
        gap++;
      if (gap > best)
        {
          best = gap;
          start = m;
        }
    }
  for (guint i = 0; i < 12; i++)
    {
      guint m = (start + i) % 12;

      if (bits & (1u << m))
        g_string_append_printf (out, "%s%u", out->len ? "," : "", m + 1);
    }
  return g_string_free (out, FALSE);
}

/**
 * cr_rules_set:
 * @key: a key of DESIGN.md's rule table ("max-members")
 * @value: its value as the table writes it ("8", "50%", "yes", "12,1,2"),
 *   or "none" to switch the rule off; spaces around it don't matter
 *
 * Returns: %TRUE if set; otherwise %FALSE with %CR_RULES_ERROR_UNKNOWN_KEY
 *   or %CR_RULES_ERROR_INVALID_VALUE and @rules untouched
 */
gboolean
cr_rules_set (CrRules     *rules,
              const char  *key,
              const char  *value,
              GError     **error)
{
  g_autofree char *text = NULL;
  const RuleInfo *info;
  CrRuleKey k;
  guint n = 0;

  g_return_val_if_fail (rules != NULL, FALSE);

  if (!cr_rules_key_from_string (key, &k))
    {
      g_autofree char *all = g_strjoinv (", ", (char **) cr_rules_get_keys ());

      g_set_error (error, CR_RULES_ERROR, CR_RULES_ERROR_UNKNOWN_KEY,
                   _("There is no rule “%s”. The rules are: %s."),
                   key ? key : "", all);
      return FALSE;
    }
  info = &rule_info[k];
  text = g_strstrip (g_ascii_strdown (value ? value : "", -1));

  if (g_str_equal (text, "none"))
    {
      rules->set &= ~(1u << k);
      rules->value[k] = 0;
      if (k == CR_RULE_QUORUM)
        {
          rules->quorum = (CrQuorumRule) { CR_QUORUM_NONE, 0, 0 };
          rules->tiers = (CrQuorumTiers) { 0 };
        }
      resolve_tiers (rules);
      return TRUE;
    }

  switch (info->type)
    {
    case TYPE_QUORUM:
      {
        CrQuorumRule quorum;
        CrQuorumTiers tiers;
        GError *local = NULL;

        if (g_str_has_prefix (text, "tiers"))
          {
            if (!parse_tiers (text, &tiers))
              {
                g_set_error (error, CR_RULES_ERROR,
                             CR_RULES_ERROR_INVALID_VALUE,
                             _("“%s” can’t be the quorum: write tiers like "
                               "tiers(100:5,400:8,12), households up to "
                               "100 need 5, up to 400 need 8, more need "
                               "12, the bounds rising."),
                             value ? value : "");
                return FALSE;
              }
            rules->tiers = tiers;
            rules->set |= 1u << k;
            resolve_tiers (rules);
            return TRUE;
          }
        if (!cr_quorum_rule_parse (text, &quorum, &local))
          {
            g_set_error_literal (error, CR_RULES_ERROR,
                                 CR_RULES_ERROR_INVALID_VALUE, local->message);
            g_error_free (local);
            return FALSE;
          }
        rules->quorum = quorum;
        rules->tiers = (CrQuorumTiers) { 0 };
        if (quorum.mode == CR_QUORUM_NONE)
          rules->set &= ~(1u << k);
        else
          rules->set |= 1u << k;
        return TRUE;
      }

    case TYPE_NUMBER:
      if (!parse_number (text, info->min, info->max, &n))
        {
          g_set_error (error, CR_RULES_ERROR, CR_RULES_ERROR_INVALID_VALUE,
                       _("“%s” can’t be %s: write a whole number from %u "
                         "to %u, or none."),
                       value ? value : "", info->key, info->min, info->max);
          return FALSE;
        }
      break;

    case TYPE_YES_NO:
      if (g_str_equal (text, "yes"))
        n = 1;
      else if (g_str_equal (text, "no"))
        n = 0;
      else
        {
          g_set_error (error, CR_RULES_ERROR, CR_RULES_ERROR_INVALID_VALUE,
                       _("“%s” can’t be %s: write yes, no or none."),
                       value ? value : "", info->key);
          return FALSE;
        }
      break;

    case TYPE_MONTHS:
      if (!parse_months (text, &n))
        {
          g_set_error (error, CR_RULES_ERROR, CR_RULES_ERROR_INVALID_VALUE,
                       _("“%s” can’t be %s: write the months’ numbers with "
                         "commas between them, like 12,1,2, or none."),
                       value ? value : "", info->key);
          return FALSE;
        }
      break;

    default:
      g_assert_not_reached ();
    }

  rules->value[k] = n;
  rules->set |= 1u << k;
  resolve_tiers (rules);
  return TRUE;
}

/**
 * cr_rules_get_string:
 * @key: a rule's key
 *
 * Returns: (transfer full) (nullable): the rule's value as cr_rules_set()
 *   reads it, in its usual form, "none" if it is not set; %NULL if @key
 *   names no rule
 */
char *
cr_rules_get_string (const CrRules *rules,
                     const char    *key)
{
  CrRuleKey k;

  g_return_val_if_fail (rules != NULL, NULL);

  if (!cr_rules_key_from_string (key, &k))
    return NULL;
  if (!cr_rules_has (rules, k))
    return g_strdup ("none");
  switch (rule_info[k].type)
    {
    case TYPE_QUORUM:
      if (rules->tiers.n > 0)
        return tiers_to_string (&rules->tiers);
      return cr_quorum_rule_to_string (&rules->quorum);
    case TYPE_NUMBER:
      return g_strdup_printf ("%u", rules->value[k]);
    case TYPE_YES_NO:
      return g_strdup (rules->value[k] ? "yes" : "no");
    case TYPE_MONTHS:
      return months_to_string (rules->value[k]);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- the engine's input ---------------------------------------------- */

/**
 * cr_check_input_new:
 *
 * Returns: (transfer full): an empty input for one group; free with
 *   cr_check_input_free()
 */
CrCheckInput *
cr_check_input_new (gint64      group_id,
                    const char *group_name)
{
  CrCheckInput *input = g_new0 (CrCheckInput, 1);

  input->strings = g_string_chunk_new (4096);
  input->group_id = group_id;
  input->group_name = g_string_chunk_insert (input->strings,
                                             group_name ? group_name : "");
  input->members = g_array_new (FALSE, FALSE, sizeof (CrCheckMember));
  input->memberships = g_array_new (FALSE, FALSE, sizeof (CrCheckMembership));
  input->offices = g_array_new (FALSE, FALSE, sizeof (CrCheckOffice));
  input->bars = g_array_new (FALSE, FALSE, sizeof (CrCheckBar));
  input->meetings = g_array_new (FALSE, FALSE, sizeof (CrCheckMeeting));
  input->marks = g_array_new (FALSE, FALSE, sizeof (CrCheckMark));
  input->actions = g_array_new (FALSE, FALSE, sizeof (CrCheckAction));
  input->agenda = g_array_new (FALSE, FALSE, sizeof (CrCheckAgendaItem));
  return input;
}

void
cr_check_input_free (CrCheckInput *input)
{
  if (input == NULL)
    return;
  g_array_unref (input->members);
  g_array_unref (input->memberships);
  g_array_unref (input->offices);
  g_array_unref (input->bars);
  g_array_unref (input->meetings);
  g_array_unref (input->marks);
  g_array_unref (input->actions);
  g_array_unref (input->agenda);
  g_string_chunk_free (input->strings);
  g_free (input);
}

/* Dates repeat a great deal, so each is kept once. */
static const char *
intern (CrCheckInput *input,
        const char   *text)
{
  if (text == NULL || *text == '\0')
    return NULL;
  return g_string_chunk_insert_const (input->strings, text);
}

/**
 * cr_check_input_add_member:
 * @name: the person's display name
 *
 * Returns: the member's index, for their memberships, offices and marks
 */
guint
cr_check_input_add_member (CrCheckInput *input,
                           gint64        person_id,
                           const char   *name)
{
  CrCheckMember member;

  g_return_val_if_fail (input != NULL, 0);

  member.person_id = person_id;
  member.name = g_string_chunk_insert (input->strings, name ? name : "");
  g_array_append_val (input->members, member);
  return input->members->len - 1;
}

/**
 * cr_check_input_add_membership:
 * @member: an index cr_check_input_add_member() gave
 * @end: (nullable): the last day, or %NULL while current
 */
void
cr_check_input_add_membership (CrCheckInput *input,
                               guint         member,
                               gboolean      voting,
                               const char   *start,
                               const char   *end)
{
  CrCheckMembership m;

  g_return_if_fail (input != NULL);
  g_return_if_fail (member < input->members->len);
  g_return_if_fail (start != NULL);

  m.member = member;
  m.voting = voting;
  m.start = intern (input, start);
  m.end = intern (input, end);
  g_array_append_val (input->memberships, m);
}

void
cr_check_input_add_office (CrCheckInput *input,
                           guint         member,
                           const char   *role,
                           const char   *start,
                           const char   *end)
{
  CrCheckOffice o;

  g_return_if_fail (input != NULL);
  g_return_if_fail (member < input->members->len);
  g_return_if_fail (role != NULL && start != NULL);

  o.member = member;
  o.role = intern (input, role);
  o.start = intern (input, start);
  o.end = intern (input, end);
  g_array_append_val (input->offices, o);
}

void
cr_check_input_add_bar (CrCheckInput *input,
                        guint         member,
                        const char   *start,
                        const char   *end)
{
  CrCheckBar b;

  g_return_if_fail (input != NULL);
  g_return_if_fail (member < input->members->len);
  g_return_if_fail (start != NULL);

  b.member = member;
  b.start = intern (input, start);
  b.end = intern (input, end);
  g_array_append_val (input->bars, b);
}

/**
 * cr_check_input_add_meeting:
 * @date: the meeting's date, no earlier than the last one added's
 *
 * Returns: the meeting's index, for marks
 */
guint
cr_check_input_add_meeting (CrCheckInput    *input,
                            gint64           id,
                            const char      *date,
                            CrMeetingKind    kind,
                            CrMeetingStatus  status,
                            const char      *papers_sent_on,
                            const char      *minutes_circulated_on)
{
  CrCheckMeeting m = { 0 };

  g_return_val_if_fail (input != NULL, 0);
  g_return_val_if_fail (date != NULL, 0);
  g_return_val_if_fail (input->meetings->len == 0 ||
                        strcmp (g_array_index (input->meetings, CrCheckMeeting,
                                               input->meetings->len - 1).date,
                                date) <= 0, 0);

  m.id = id;
  m.date = intern (input, date);
  m.kind = kind;
  m.status = status;
  m.papers_sent_on = intern (input, papers_sent_on);
  m.minutes_circulated_on = intern (input, minutes_circulated_on);
  g_array_append_val (input->meetings, m);
  return input->meetings->len - 1;
}

/**
 * cr_check_input_set_meeting_rules:
 * @rules: (nullable): the rules in force on the meeting's date, owned by
 *   the caller and kept until the check is done; %NULL for the rules
 *   checked on
 *
 * A meeting is judged by the rules in force on its date: its quorum,
 * papers and minutes by the terms of reference it was held under.
 */
void
cr_check_input_set_meeting_rules (CrCheckInput  *input,
                                  guint          meeting,
                                  const CrRules *rules)
{
  g_return_if_fail (input != NULL);
  g_return_if_fail (meeting < input->meetings->len);
  g_array_index (input->meetings, CrCheckMeeting, meeting).rules = rules;
}

/**
 * cr_check_input_add_agenda_item:
 * @meeting: the meeting's index
 * @proposed_on: ISO date the item was proposed
 */
void
cr_check_input_add_agenda_item (CrCheckInput *input,
                                guint         meeting,
                                const char   *title,
                                const char   *proposed_on)
{
  CrCheckAgendaItem item;

  g_return_if_fail (input != NULL);
  g_return_if_fail (meeting < input->meetings->len);
  g_return_if_fail (proposed_on != NULL);

  item.meeting = meeting;
  item.title = intern (input, title ? title : "");
  item.proposed_on = intern (input, proposed_on);
  g_array_append_val (input->agenda, item);
}

/**
 * cr_check_input_add_mark:
 *
 * Records a member's mark at a meeting (%CR_ATTENDANCE_NONE is not a
 * mark), and that the meeting's attendance was taken.
 */
void
cr_check_input_add_mark (CrCheckInput     *input,
                         guint             member,
                         guint             meeting,
                         CrAttendanceMark  mark,
                         CrAttendeeRole    role)
{
  CrCheckMark m;

  g_return_if_fail (input != NULL);
  g_return_if_fail (member < input->members->len);
  g_return_if_fail (meeting < input->meetings->len);
  g_return_if_fail (mark > CR_ATTENDANCE_NONE && mark < CR_ATTENDANCE_N_MARKS);

  m.member = member;
  m.meeting = meeting;
  m.mark = mark;
  m.role = role;
  g_array_append_val (input->marks, m);
  g_array_index (input->meetings, CrCheckMeeting, meeting).marked = TRUE;
}

void
cr_check_input_add_action (CrCheckInput *input,
                           gint64        id,
                           const char   *description,
                           const char   *owner,
                           const char   *due_date,
                           const char   *meeting_date)
{
  CrCheckAction a;

  g_return_if_fail (input != NULL);

  a.id = id;
  a.description = g_string_chunk_insert (input->strings,
                                         description ? description : "");
  a.owner = intern (input, owner);
  a.due_date = intern (input, due_date);
  a.meeting_date = intern (input, meeting_date);
  g_array_append_val (input->actions, a);
}

void
cr_attention_item_free (CrAttentionItem *item)
{
  if (item == NULL)
    return;
  g_free (item->subject);
  g_free (item->group_name);
  g_free (item->date);
  g_free (item->detail);
  g_free (item);
}

/**
 * cr_attention_subject_kind_to_string:
 *
 * Returns: (transfer none): "person", "meeting", "group" or "action"
 */
const char *
cr_attention_subject_kind_to_string (CrAttentionSubjectKind kind)
{
  static const char *const words[] = { "person", "meeting", "group", "action" };

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (words), NULL);
  return words[kind];
}

/* ---- days ------------------------------------------------------------ */

/* Days are Julian day numbers; 0 is "no date", NEVER "not yet ended". */
#define NEVER G_MAXUINT32

static guint32
day_of (const char *iso)
{
  GDate date;

  if (iso == NULL || !cr_date_parse_iso (iso, &date))
    return 0;
  return g_date_get_julian (&date);
}

static void
gdate_of (guint32  day,
          GDate   *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, day);
}

static char *
iso_of (guint32 day)
{
  GDate date;

  gdate_of (day, &date);
  return cr_date_to_iso (&date);
}

static char *
uk_of (guint32 day)
{
  GDate date;

  gdate_of (day, &date);
  return cr_date_to_uk (&date);
}

static guint32
add_months (guint32 day,
            int     months)
{
  GDate date;

  gdate_of (day, &date);
  cr_date_add_months (&date, months);
  return g_date_get_julian (&date);
}

static guint32
add_workdays (guint32 day,
              int     n)
{
  GDate date;

  gdate_of (day, &date);
  cr_workdays_add (&date, n);
  return g_date_get_julian (&date);
}

static int
workdays_between (guint32 from,
                  guint32 to)
{
  GDate a, b;

  gdate_of (from, &a);
  gdate_of (to, &b);
  return cr_workdays_between (&a, &b);
}

/* "10/03, 14/04, 12/05/2026": each year said once, after its last day. */
static char *
format_days (const guint32 *days,
             guint          n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      GDate date;

      gdate_of (days[i], &date);
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, "%02u/%02u", g_date_get_day (&date),
                              (guint) g_date_get_month (&date));
      if (i + 1 == n)
        g_string_append_printf (out, "/%u", g_date_get_year (&date));
      else
        {
          GDate next;

          gdate_of (days[i + 1], &next);
          if (g_date_get_year (&next) != g_date_get_year (&date))
            g_string_append_printf (out, "/%u", g_date_get_year (&date));
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * cr_rules_meeting_deadlines:
 * @date: the meeting's ISO date
 * @agm: whether it is an annual general meeting
 * @papers_by: (out) (optional) (transfer full) (nullable): ISO date the
 *   papers must go out by, %NULL if no rule says
 * @agenda_by: (out) (optional) (transfer full) (nullable): ISO date items
 *   for the agenda must be proposed by
 * @notice_by: (out) (optional) (transfer full) (nullable): for an AGM,
 *   ISO date residents must be given notice by
 *
 * What a meeting's rules ask to be done before it: the papers
 * `papers-notice-working-days` working days before, items
 * `agenda-items-notice-weeks` weeks before, an AGM's notice
 * `agm-notice-days` days before.
 *
 * Returns: %FALSE if @date is not a date
 */
gboolean
cr_rules_meeting_deadlines (const CrRules  *rules,
                            const char     *date,
                            gboolean        agm,
                            char          **papers_by,
                            char          **agenda_by,
                            char          **notice_by)
{
  guint32 day = day_of (date);
  guint n;

  g_return_val_if_fail (rules != NULL, FALSE);

  if (papers_by != NULL)
    *papers_by = NULL;
  if (agenda_by != NULL)
    *agenda_by = NULL;
  if (notice_by != NULL)
    *notice_by = NULL;
  if (day == 0)
    return FALSE;
  if (papers_by != NULL &&
      (n = cr_rules_get_value (rules, CR_RULE_PAPERS_NOTICE_WORKING_DAYS)) > 0)
    *papers_by = iso_of (add_workdays (day, -(int) n));
  if (agenda_by != NULL &&
      (n = cr_rules_get_value (rules, CR_RULE_AGENDA_ITEMS_NOTICE_WEEKS)) > 0)
    *agenda_by = iso_of (day - 7 * n);
  if (agm && notice_by != NULL &&
      (n = cr_rules_get_value (rules, CR_RULE_AGM_NOTICE_DAYS)) > 0)
    *notice_by = iso_of (day - n);
  return TRUE;
}

/* ---- the engine ------------------------------------------------------ */

/* Records that belong to members, bucketed by member: the records of
 * member m are order[first[m]] to order[first[m + 1] - 1], sorted by key. */
typedef struct
{
  guint *first;
  guint *order;
} Buckets;

static void
buckets_clear (Buckets *b)
{
  g_free (b->first);
  g_free (b->order);
}

/* A stable counting sort by member (the first field of every record), then
 * an insertion sort of each member's records by @key, which is linear for
 * records that come in order, as the store's do. */
static void
buckets_init (Buckets       *b,
              const GArray  *records,
              guint          n_members,
              const guint32 *key)
{
  gsize size = g_array_get_element_size ((GArray *) records);
  guint *next;

  b->first = g_new0 (guint, n_members + 1);
  b->order = g_new (guint, records->len + 1);
  for (guint i = 0; i < records->len; i++)
    b->first[*(const guint *) (records->data + i * size) + 1]++;
  for (guint m = 0; m < n_members; m++)
    b->first[m + 1] += b->first[m];
  next = g_memdup2 (b->first, (n_members + 1) * sizeof (guint));
  for (guint i = 0; i < records->len; i++)
    b->order[next[*(const guint *) (records->data + i * size)]++] = i;
  g_free (next);

  for (guint m = 0; m < n_members; m++)
    for (guint i = b->first[m] + 1; i < b->first[m + 1]; i++)
      {
        guint item = b->order[i];
        guint j = i;

        while (j > b->first[m] && key[b->order[j - 1]] > key[item])
          {
            b->order[j] = b->order[j - 1];
            j--;
          }
        b->order[j] = item;
      }
}

typedef struct
{
  const CrRules      *rules;
  const CrCheckInput *input;
  guint               n_members;
  guint32             on;
  guint32             year_ago;   /* the window is (year_ago, on] */

  guint32            *ms_start;
  guint32            *ms_end;
  Buckets             ms;
  guint32            *of_start;
  guint32            *of_end;
  Buckets             of;
  guint32            *bar_start;
  guint32            *bar_end;
  Buckets             bars;
  guint32            *mark_key;   /* the meeting's index */
  Buckets             marks;
  guint32            *meeting_day;

  guint32             last_agm;   /* held, on or before the date; or 0 */
  GPtrArray          *items;
} Check;

static const CrCheckMember *
member_at (Check *c,
           guint  m)
{
  return &g_array_index (c->input->members, CrCheckMember, m);
}

static const CrCheckMeeting *
meeting_at (Check *c,
            guint  i)
{
  return &g_array_index (c->input->meetings, CrCheckMeeting, i);
}

static void
add_item (Check                  *c,
          const char             *rule,
          CrAttentionSubjectKind  kind,
          gint64                  id,
          const char             *subject,
          guint32                 day,
          char                   *detail)
{
  CrAttentionItem *item = g_new0 (CrAttentionItem, 1);

  item->rule = rule;
  item->subject_kind = kind;
  item->subject_id = id;
  item->subject = g_strdup (subject);
  item->group_id = c->input->group_id;
  item->group_name = g_strdup (c->input->group_name);
  item->date = iso_of (day);
  item->detail = detail;
  g_ptr_array_add (c->items, item);
}

static char *
meeting_name (Check *c,
              guint  i)
{
  const CrCheckMeeting *m = meeting_at (c, i);
  g_autofree char *uk = uk_of (c->meeting_day[i]);

  if (m->kind == CR_MEETING_KIND_AGM)
    return g_strdup_printf (_("Annual general meeting of %s"), uk);
  return g_strdup_printf (_("%s meeting of %s"), c->input->group_name, uk);
}

static void
add_meeting_item (Check      *c,
                  const char *rule,
                  guint       i,
                  guint32     day,
                  char       *detail)
{
  g_autofree char *name = meeting_name (c, i);

  add_item (c, rule, CR_ATTENTION_MEETING, meeting_at (c, i)->id, name, day,
            detail);
}

static void
add_group_item (Check      *c,
                const char *rule,
                guint32     day,
                char       *detail)
{
  add_item (c, rule, CR_ATTENTION_GROUP, c->input->group_id,
            c->input->group_name, day, detail);
}

static void
add_person_item (Check      *c,
                 const char *rule,
                 guint       m,
                 guint32     day,
                 char       *detail)
{
  add_item (c, rule, CR_ATTENTION_PERSON, member_at (c, m)->person_id,
            member_at (c, m)->name, day, detail);
}

/* The voting membership of @m that covers @day, or -1. */
static int
voting_membership_on (Check   *c,
                      guint    m,
                      guint32  day)
{
  for (guint k = c->ms.first[m]; k < c->ms.first[m + 1]; k++)
    {
      guint i = c->ms.order[k];

      if (g_array_index (c->input->memberships, CrCheckMembership, i).voting &&
          c->ms_start[i] <= day && day <= c->ms_end[i])
        return (int) i;
    }
  return -1;
}

static gboolean
barred_on (Check   *c,
           guint    m,
           guint32  day)
{
  for (guint k = c->bars.first[m]; k < c->bars.first[m + 1]; k++)
    {
      guint i = c->bars.order[k];

      if (c->bar_start[i] <= day && day <= c->bar_end[i])
        return TRUE;
    }
  return FALSE;
}

static gboolean
in_window (Check   *c,
           guint32  day)
{
  return day > c->year_ago && day <= c->on;
}

/* The rules meeting @i was held under: those in force on its date. */
static const CrRules *
meeting_rules (Check *c,
               guint  i)
{
  const CrRules *rules = meeting_at (c, i)->rules;

  return rules != NULL ? rules : c->rules;
}

/* ---- lapse ----------------------------------------------------------- */

static void
check_lapse (Check *c)
{
  guint consecutive = cr_rules_get_value (c->rules, CR_RULE_LAPSE_CONSECUTIVE);
  guint in_year = cr_rules_get_value (c->rules, CR_RULE_LAPSE_IN_12_MONTHS);
  gboolean excuse = cr_rules_get_value (c->rules, CR_RULE_APOLOGIES_EXCUSE);
  g_autoptr (GArray) run = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GArray) year = g_array_new (FALSE, FALSE, sizeof (guint32));

  if (consecutive == 0 && in_year == 0)
    return;

  for (guint m = 0; m < c->n_members; m++)
    {
      gboolean run_apologies = FALSE, year_apologies = FALSE;

      if (voting_membership_on (c, m, c->on) < 0)
        continue;
      g_array_set_size (run, 0);
      g_array_set_size (year, 0);

      for (guint k = c->marks.first[m]; k < c->marks.first[m + 1]; k++)
        {
          const CrCheckMark *mark = &g_array_index (c->input->marks,
                                                    CrCheckMark,
                                                    c->marks.order[k]);
          guint32 day = c->meeting_day[mark->meeting];
          gboolean missed;

          if (meeting_at (c, mark->meeting)->status != CR_MEETING_STATUS_HELD ||
              mark->role != CR_ATTENDEE_MEMBER || day > c->on ||
              voting_membership_on (c, m, day) < 0)
            continue;
          missed = mark->mark == CR_ATTENDANCE_ABSENT ||
                   (mark->mark == CR_ATTENDANCE_APOLOGIES && !excuse);
          if (!missed)
            {
              g_array_set_size (run, 0);
              run_apologies = FALSE;
              continue;
            }
          g_array_append_val (run, day);
          run_apologies |= mark->mark == CR_ATTENDANCE_APOLOGIES;
          if (in_window (c, day))
            {
              g_array_append_val (year, day);
              year_apologies |= mark->mark == CR_ATTENDANCE_APOLOGIES;
            }
        }

      if (consecutive > 0 && run->len >= consecutive)
        {
          g_autofree char *days = format_days ((guint32 *) run->data, run->len);
          g_autofree char *sentence = g_strdup_printf (
            _("Missed %u meetings in a row (%s); the terms of reference end "
              "membership after %u."),
            run->len, days, consecutive);

          add_person_item (c, "lapse", m,
                           g_array_index (run, guint32, consecutive - 1),
                           run_apologies
                             ? g_strconcat (sentence, " ",
                                            _("Apologies don’t excuse a "
                                              "missed meeting here."), NULL)
                             : g_steal_pointer (&sentence));
        }
      else if (in_year > 0 && year->len >= in_year)
        {
          g_autofree char *days = format_days ((guint32 *) year->data,
                                               year->len);
          g_autofree char *to = uk_of (c->on);
          g_autofree char *sentence = g_strdup_printf (
            _("Missed %u meetings in the 12 months to %s (%s); the terms of "
              "reference end membership after %u in 12 months."),
            year->len, to, days, in_year);

          add_person_item (c, "lapse", m,
                           g_array_index (year, guint32, in_year - 1),
                           year_apologies
                             ? g_strconcat (sentence, " ",
                                            _("Apologies don’t excuse a "
                                              "missed meeting here."), NULL)
                             : g_steal_pointer (&sentence));
        }
    }
}

/* ---- quorum ---------------------------------------------------------- */

static void
check_quorum (Check *c)
{
  guint n = c->input->meetings->len;
  g_autofree guint *present = NULL;

  present = g_new0 (guint, n);
  for (guint i = 0; i < c->input->marks->len; i++)
    {
      const CrCheckMark *mark = &g_array_index (c->input->marks, CrCheckMark, i);
      guint32 day = c->meeting_day[mark->meeting];

      if (mark->mark == CR_ATTENDANCE_PRESENT &&
          mark->role == CR_ATTENDEE_MEMBER && in_window (c, day) &&
          voting_membership_on (c, mark->member, day) >= 0 &&
          !barred_on (c, mark->member, day))
        present[mark->meeting]++;
    }

  for (guint i = 0; i < n; i++)
    {
      const CrCheckMeeting *meeting = meeting_at (c, i);
      guint32 day = c->meeting_day[i];
      const CrRules *rules = meeting_rules (c, i);
      g_autofree char *rule = NULL;
      guint voting = 0, required;

      if (meeting->status != CR_MEETING_STATUS_HELD || !meeting->marked ||
          !in_window (c, day) || !cr_rules_has (rules, CR_RULE_QUORUM) ||
          rules->quorum.mode == CR_QUORUM_NONE)
        continue;
      for (guint m = 0; m < c->n_members; m++)
        if (voting_membership_on (c, m, day) >= 0 && !barred_on (c, m, day))
          voting++;
      required = cr_quorum_required (&rules->quorum, voting);
      if (present[i] >= required)
        continue;
      rule = cr_rules_get_string (rules, "quorum");
      add_meeting_item (c, "quorum", i, day,
                        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "%u of the %u voting members was "
                                                      "present and the quorum is %u "
                                                      "(rule %s), so what the meeting "
                                                      "decided must be ratified at a "
                                                      "quorate meeting.",
                                                      "%u of the %u voting members were "
                                                      "present and the quorum is %u "
                                                      "(rule %s), so what the meeting "
                                                      "decided must be ratified at a "
                                                      "quorate meeting.",
                                                      present[i]),
                                         present[i], voting, required, rule));
    }
}

/* ---- membership size and terms ---------------------------------------- */

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

static void
check_max_members (Check *c)
{
  guint max = cr_rules_get_value (c->rules, CR_RULE_MAX_MEMBERS);
  g_autoptr (GArray) starts = NULL;

  if (max == 0)
    return;
  starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint m = 0; m < c->n_members; m++)
    {
      int i = voting_membership_on (c, m, c->on);

      if (i >= 0)
        g_array_append_val (starts, c->ms_start[i]);
    }
  if (starts->len <= max)
    return;
  g_array_sort (starts, compare_days);
  add_group_item (c, "max-members", g_array_index (starts, guint32, max),
                  g_strdup_printf (_("%u voting members; the terms of "
                                     "reference allow at most %u."),
                                   starts->len, max));
}

/* The first day of the unbroken run of voting memberships of @m that
 * includes membership @i. */
static guint32
continuous_start (Check *c,
                  guint  m,
                  guint  i)
{
  guint32 start = c->ms_start[i];
  gboolean moved = TRUE;

  while (moved)
    {
      moved = FALSE;
      for (guint k = c->ms.first[m]; k < c->ms.first[m + 1]; k++)
        {
          guint j = c->ms.order[k];

          if (g_array_index (c->input->memberships, CrCheckMembership, j).voting &&
              c->ms_start[j] < start && c->ms_end[j] != NEVER &&
              c->ms_end[j] + 1 >= start)
            {
              start = c->ms_start[j];
              moved = TRUE;
            }
        }
    }
  return start;
}

static void
check_term (Check *c)
{
  guint years = cr_rules_get_value (c->rules, CR_RULE_TERM_YEARS);
  guint terms = cr_rules_get_value (c->rules, CR_RULE_MAX_TERMS);

  if (years == 0)
    return;
  if (terms == 0)
    terms = 1;

  for (guint m = 0; m < c->n_members; m++)
    {
      int i = voting_membership_on (c, m, c->on);
      guint32 start, reached;
      g_autofree char *since = NULL;
      g_autofree char *on = NULL;

      if (i < 0)
        continue;
      start = continuous_start (c, m, i);
      reached = add_months (start, 12 * (int) (years * terms));
      if (reached > c->on)
        continue;
      since = uk_of (start);
      on = uk_of (reached);
      add_person_item (c, "term", m, reached,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "A member without a break since %s; the terms of "
                                                     "reference allow %u term of %u years, which ended on %s.",
                                                     "A member without a break since %s; the terms of "
                                                     "reference allow %u terms of %u years, which ended on %s.",
                                                     terms),
                                        since, terms, years, on));
    }
}

/* ---- officers -------------------------------------------------------- */

static gboolean
is_chair (const char *role)
{
  g_autofree char *copy = g_strstrip (g_strdup (role));

  return g_ascii_strcasecmp (copy, "chair") == 0;
}

/* Whether office @i is the one person's @role, as office @j is. */
static gboolean
same_role (Check *c,
           guint  i,
           guint  j)
{
  const CrCheckOffice *a = &g_array_index (c->input->offices, CrCheckOffice, i);
  const CrCheckOffice *b = &g_array_index (c->input->offices, CrCheckOffice, j);
  g_autofree char *x = g_strstrip (g_strdup (a->role));
  g_autofree char *y = g_strstrip (g_strdup (b->role));

  return g_ascii_strcasecmp (x, y) == 0;
}

/* The first day of the unbroken run of @m's holding office @i's role. */
static guint32
office_run_start (Check *c,
                  guint  m,
                  guint  i)
{
  guint32 start = c->of_start[i];
  gboolean moved = TRUE;

  while (moved)
    {
      moved = FALSE;
      for (guint k = c->of.first[m]; k < c->of.first[m + 1]; k++)
        {
          guint j = c->of.order[k];

          if (same_role (c, i, j) && c->of_start[j] < start &&
              c->of_end[j] != NEVER && c->of_end[j] + 1 >= start)
            {
              start = c->of_start[j];
              moved = TRUE;
            }
        }
    }
  return start;
}

static void
check_chair (Check *c)
{
  guint max_run = cr_rules_get_value (c->rules,
                                      CR_RULE_CHAIR_MAX_CONSECUTIVE_YEARS);
  guint max_all = cr_rules_get_value (c->rules, CR_RULE_CHAIR_MAX_YEARS);

  if (max_run == 0 && max_all == 0)
    return;

  for (guint m = 0; m < c->n_members; m++)
    {
      int current = -1;

      for (guint k = c->of.first[m]; k < c->of.first[m + 1]; k++)
        {
          guint i = c->of.order[k];

          if (is_chair (g_array_index (c->input->offices, CrCheckOffice, i).role) &&
              c->of_start[i] <= c->on && c->on <= c->of_end[i])
            current = (int) i;
        }
      if (current < 0)
        continue;

      if (max_run > 0)
        {
          guint32 start = office_run_start (c, m, current);
          guint32 reached = add_months (start, 12 * (int) max_run);

          if (reached <= c->on)
            {
              g_autofree char *since = uk_of (start);
              g_autofree char *on = uk_of (reached);

              add_person_item (c, "chair-term", m, reached,
                               g_strdup_printf (_("Chair without a break since %s; the terms of "
                                                  "reference allow at most %u years in a row, "
                                                  "reached on %s."),
                                                since, max_run, on));
              continue;
            }
        }

      if (max_all > 0)
        {
          guint32 first = 0, reached = 0;
          guint32 remaining;

          /* Days held, stint by stint, until they add up to the limit. */
          for (guint k = c->of.first[m]; k < c->of.first[m + 1]; k++)
            {
              guint i = c->of.order[k];

              if (is_chair (g_array_index (c->input->offices, CrCheckOffice, i).role) &&
                  c->of_start[i] <= c->on)
                {
                  first = c->of_start[i];
                  break;
                }
            }
          remaining = add_months (first, 12 * (int) max_all) - first;
          for (guint k = c->of.first[m]; k < c->of.first[m + 1] && reached == 0; k++)
            {
              guint i = c->of.order[k];
              guint32 end;

              if (!is_chair (g_array_index (c->input->offices, CrCheckOffice, i).role) ||
                  c->of_start[i] > c->on)
                continue;
              end = MIN (c->of_end[i], c->on);
              if (end - c->of_start[i] + 1 >= remaining)
                reached = c->of_start[i] + remaining;
              else
                remaining -= end - c->of_start[i] + 1;
            }
          if (reached != 0 && reached <= c->on)
            {
              g_autofree char *since = uk_of (first);
              g_autofree char *on = uk_of (reached);

              add_person_item (c, "chair-term", m, reached,
                               g_strdup_printf (_("Chair for %u years in all since %s; the "
                                                  "terms of reference allow at most %u "
                                                  "years, reached on %s."),
                                                max_all, since, max_all, on));
            }
        }
    }
}

static void
check_elections (Check *c)
{
  if (!cr_rules_has (c->rules, CR_RULE_AGM_MAX_MONTHS))
    return;

  for (guint m = 0; m < c->n_members; m++)
    for (guint k = c->of.first[m]; k < c->of.first[m + 1]; k++)
      {
        guint i = c->of.order[k];
        const CrCheckOffice *office = &g_array_index (c->input->offices,
                                                      CrCheckOffice, i);
        guint32 start, since, due;
        g_autofree char *role = NULL;
        g_autofree char *took = NULL;
        g_autofree char *last = NULL;

        if (c->of_start[i] > c->on || c->on > c->of_end[i])
          continue;
        start = office_run_start (c, m, i);
        since = MAX (start, c->last_agm);
        due = add_months (since, 12);
        if (due > c->on)
          continue;
        role = g_strstrip (g_strdup (office->role));
        took = uk_of (start);
        if (c->last_agm > start)
          {
            last = uk_of (c->last_agm);
            add_person_item (c, "election-due", m, due,
                             g_strdup_printf (_("%s since %s; there has been no annual "
                                                "general meeting since %s, and officers "
                                                "are elected each year at the AGM."),
                                              role, took, last));
          }
        else
          add_person_item (c, "election-due", m, due,
                           g_strdup_printf (_("%s since %s, with no annual general "
                                              "meeting since; officers are elected "
                                              "each year at the AGM."),
                                            role, took));
      }
}

/* ---- meetings -------------------------------------------------------- */

static void
check_frequency (Check *c)
{
  guint min = cr_rules_get_value (c->rules, CR_RULE_MEETINGS_PER_YEAR_MIN);
  guint avoid = cr_rules_get_value (c->rules, CR_RULE_MEETING_MONTHS_AVOID);
  guint n_held = 0;
  guint32 first_held = 0;

  for (guint i = 0; i < c->input->meetings->len; i++)
    {
      const CrCheckMeeting *meeting = meeting_at (c, i);
      guint32 day = c->meeting_day[i];
      gboolean held = meeting->status == CR_MEETING_STATUS_HELD;

      if (held && day <= c->on && first_held == 0)
        first_held = day;
      if (held && in_window (c, day))
        n_held++;

      if (avoid != 0 && meeting->status != CR_MEETING_STATUS_CANCELLED &&
          day > c->year_ago)
        {
          GDate date;
          GDateMonth month;
          g_autoptr (GString) months = g_string_new (NULL);
          g_autofree char *rule = NULL;

          gdate_of (day, &date);
          month = g_date_get_month (&date);
          if (!(avoid & (1u << (month - 1))))
            continue;

          /* "December, January or February" */
          rule = months_to_string (avoid);
          {
            g_auto (GStrv) numbers = g_strsplit (rule, ",", -1);
            guint n = g_strv_length (numbers);

            for (guint j = 0; j < n; j++)
              {
                if (j > 0)
                  g_string_append (months, j + 1 == n ? _(" or ") : ", ");
                g_string_append (months,
                                 _(month_names[g_ascii_strtoull (numbers[j], NULL, 10)]));
              }
          }
          add_meeting_item (c, "meeting-frequency", i, day,
                            g_strdup_printf (held || day <= c->on
                                               ? _("Held in %s; the terms of reference say "
                                                   "no meetings in %s.")
                                               : _("Planned for %s; the terms of reference "
                                                   "say no meetings in %s."),
                                             _(month_names[month]), months->str));
        }
    }

  if (min > 0 && first_held != 0 && first_held <= c->year_ago && n_held < min)
    {
      g_autofree char *to = uk_of (c->on);

      add_group_item (c, "meeting-frequency", c->year_ago,
                      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%u meeting held in the 12 months to %s; the "
                                                    "terms of reference ask for at least %u a year.",
                                                    "%u meetings held in the 12 months to %s; the "
                                                    "terms of reference ask for at least %u a year.",
                                                    n_held),
                                       n_held, to, min));
    }
}

static void
check_papers (Check *c)
{
  for (guint i = 0; i < c->input->meetings->len; i++)
    {
      guint notice = cr_rules_get_value (meeting_rules (c, i),
                                         CR_RULE_PAPERS_NOTICE_WORKING_DAYS);
      const CrCheckMeeting *meeting = meeting_at (c, i);
      guint32 day = c->meeting_day[i];
      guint32 sent = day_of (meeting->papers_sent_on);
      guint32 due;
      g_autofree char *when = NULL;
      g_autofree char *by = NULL;

      if (notice == 0 || meeting->status == CR_MEETING_STATUS_CANCELLED ||
          day <= c->year_ago)
        continue;
      if (sent > c->on)
        sent = 0;
      if (sent == 0 && day < c->on)
        continue;
      due = add_workdays (day, -(int) notice);
      when = uk_of (day);
      by = uk_of (due);
      if (sent != 0 && sent > due)
        {
          g_autofree char *went = uk_of (sent);

          add_meeting_item (c, "papers-late", i, due,
                            g_strdup_printf (_("Papers went out on %s, %d working days "
                                               "before the meeting on %s; the terms of "
                                               "reference ask for at least %u."),
                                             went, workdays_between (sent, day),
                                             when, notice));
        }
      else if (sent == 0 && due < c->on)
        add_meeting_item (c, "papers-late", i, due,
                          g_strdup_printf (_("Papers for the meeting on %s were due by "
                                             "%s and have not gone out."),
                                           when, by));
    }
}

static void
check_minutes (Check *c)
{
  for (guint i = 0; i < c->input->meetings->len; i++)
    {
      guint within = cr_rules_get_value (meeting_rules (c, i),
                                         CR_RULE_MINUTES_DUE_WORKING_DAYS);
      const CrCheckMeeting *meeting = meeting_at (c, i);
      guint32 day = c->meeting_day[i];
      guint32 out = day_of (meeting->minutes_circulated_on);
      guint32 due;
      g_autofree char *when = NULL;
      g_autofree char *by = NULL;

      if (within == 0 || meeting->status != CR_MEETING_STATUS_HELD ||
          !in_window (c, day))
        continue;
      if (out > c->on)
        out = 0;
      due = add_workdays (day, (int) within);
      when = uk_of (day);
      by = uk_of (due);
      if (out != 0 && out > due)
        {
          g_autofree char *went = uk_of (out);

          add_meeting_item (c, "minutes-overdue", i, due,
                            g_strdup_printf (_("Minutes went out on %s, %d working days "
                                               "after the meeting on %s; the terms of "
                                               "reference ask for them within %u."),
                                             went, workdays_between (day, out),
                                             when, within));
        }
      else if (out == 0 && due < c->on)
        add_meeting_item (c, "minutes-overdue", i, due,
                          g_strdup_printf (_("Minutes of the meeting on %s were due by "
                                             "%s and have not gone out."),
                                           when, by));
    }
}

/* Items proposed later than the notice the meeting's terms ask for.
 * Only meetings in the last 12 months or still to come: older agendas are
 * history no one can change. */
static void
check_agenda (Check *c)
{
  for (guint i = 0; i < c->input->agenda->len; i++)
    {
      const CrCheckAgendaItem *item = &g_array_index (c->input->agenda,
                                                      CrCheckAgendaItem, i);
      const CrCheckMeeting *meeting = meeting_at (c, item->meeting);
      guint weeks = cr_rules_get_value (meeting_rules (c, item->meeting),
                                        CR_RULE_AGENDA_ITEMS_NOTICE_WEEKS);
      guint32 day = c->meeting_day[item->meeting];
      guint32 proposed = day_of (item->proposed_on);
      guint32 due;
      g_autofree char *when = NULL;
      g_autofree char *by = NULL;
      g_autofree char *went = NULL;

      if (weeks == 0 || proposed == 0 || day <= c->year_ago ||
          meeting->status == CR_MEETING_STATUS_CANCELLED || proposed > c->on)
        continue;
      due = day - 7 * weeks;
      if (proposed <= due)
        continue;
      when = uk_of (day);
      by = uk_of (due);
      went = uk_of (proposed);
      add_meeting_item (c, "agenda-late", item->meeting, proposed,
                        g_strdup_printf (_("“%s” was proposed on %s for the "
                                           "meeting on %s; the terms of "
                                           "reference ask for items %u weeks "
                                           "before, by %s. The chair may "
                                           "take it as urgent business or "
                                           "hold it over to the next "
                                           "meeting."),
                                         item->title, went, when, weeks, by));
    }
}

static void
check_agm (Check *c)
{
  guint max_months = cr_rules_get_value (c->rules, CR_RULE_AGM_MAX_MONTHS);
  guint notice = cr_rules_get_value (c->rules, CR_RULE_AGM_NOTICE_DAYS);

  if (max_months > 0)
    {
      guint32 first = 0, since, due;

      for (guint i = 0; i < c->input->meetings->len && first == 0; i++)
        if (meeting_at (c, i)->status == CR_MEETING_STATUS_HELD &&
            c->meeting_day[i] <= c->on)
          first = c->meeting_day[i];
      since = c->last_agm != 0 ? c->last_agm : first;
      due = since != 0 ? add_months (since, (int) max_months) : 0;
      if (since != 0 && due < c->on)
        {
          g_autofree char *from = uk_of (since);
          g_autofree char *by = uk_of (due);

          add_group_item (c, "agm-due", due,
                          c->last_agm != 0
                            ? g_strdup_printf (_("The last annual general meeting was on %s; "
                                                 "the terms of reference allow at most %u "
                                                 "months between them, so one was due by %s."),
                                               from, max_months, by)
                            : g_strdup_printf (_("No annual general meeting since the group "
                                                 "first met on %s; the terms of reference "
                                                 "allow at most %u months, so one was due "
                                                 "by %s."),
                                               from, max_months, by));
        }
    }

  if (notice > 0)
    for (guint i = 0; i < c->input->meetings->len; i++)
      {
        const CrCheckMeeting *meeting = meeting_at (c, i);
        guint32 day = c->meeting_day[i];
        guint32 sent = day_of (meeting->papers_sent_on);
        guint32 due = day - notice;
        g_autofree char *when = NULL;
        g_autofree char *by = NULL;

        if (meeting->kind != CR_MEETING_KIND_AGM ||
            meeting->status != CR_MEETING_STATUS_PLANNED || day < c->on)
          continue;
        if (sent > c->on)
          sent = 0;
        when = uk_of (day);
        by = uk_of (due);
        if (sent != 0 && sent > due)
          {
            g_autofree char *went = uk_of (sent);

            add_meeting_item (c, "agm-notice", i, due,
                              g_strdup_printf (_("Notice went out on %s, %u days before the "
                                                 "annual general meeting on %s; the terms "
                                                 "of reference ask for at least %u days."),
                                               went, day - sent, when, notice));
          }
        else if (sent == 0 && due < c->on)
          add_meeting_item (c, "agm-notice", i, due,
                            g_strdup_printf (_("Notice of the annual general meeting on %s "
                                               "was due by %s and has not gone out."),
                                             when, by));
      }
}

static void
check_actions (Check *c)
{
  for (guint i = 0; i < c->input->actions->len; i++)
    {
      const CrCheckAction *action = &g_array_index (c->input->actions,
                                                    CrCheckAction, i);
      guint32 due = day_of (action->due_date);
      guint32 agreed = day_of (action->meeting_date);
      g_autofree char *subject = NULL;
      g_autofree char *by = NULL;
      g_autofree char *at = NULL;

      if (due == 0 || due >= c->on || (agreed != 0 && agreed > c->on))
        continue;
      by = uk_of (due);
      at = agreed != 0 ? uk_of (agreed) : g_strdup ("");
      subject = action->owner != NULL
                  ? g_strdup (action->owner)
                  : g_strdup_printf (_("%s meeting of %s"),
                                     c->input->group_name, at);
      add_item (c, "action-overdue", CR_ATTENTION_ACTION, action->id, subject,
                due,
                g_strdup_printf (_("“%s”, agreed at the meeting on %s, was due "
                                   "on %s and is still open."),
                                 action->description, at, by));
    }
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const CrAttentionItem *x = *(CrAttentionItem **) a;
  const CrAttentionItem *y = *(CrAttentionItem **) b;
  int cmp;

  if ((cmp = strcmp (x->date, y->date)) != 0 ||
      (cmp = strcmp (x->rule, y->rule)) != 0 ||
      (cmp = g_utf8_collate (x->subject, y->subject)) != 0)
    return cmp;
  return x->subject_id < y->subject_id ? -1 : x->subject_id > y->subject_id;
}

/**
 * cr_rules_check:
 * @rules: the group's rules in force on @on_date
 * @input: the group's records
 * @on_date: ISO date to check on
 *
 * Checks @input against @rules as things stand on @on_date; see the top
 * of this file for what each rule checks.
 *
 * Returns: (transfer full) (element-type CrAttentionItem): what needs
 *   attention, by date, then rule, then subject; empty if nothing does
 */
GPtrArray *
cr_rules_check (const CrRules      *rules,
                const CrCheckInput *input,
                const char         *on_date)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) cr_attention_item_free);
  Check c = { 0 };
  guint n;

  g_return_val_if_fail (rules != NULL, items);
  g_return_val_if_fail (input != NULL, items);
  g_return_val_if_fail (on_date != NULL && day_of (on_date) != 0, items);

  c.rules = rules;
  c.input = input;
  c.items = items;
  c.n_members = input->members->len;
  c.on = day_of (on_date);
  c.year_ago = add_months (c.on, -12);

  n = input->memberships->len;
  c.ms_start = g_new (guint32, n + 1);
  c.ms_end = g_new (guint32, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const CrCheckMembership *m = &g_array_index (input->memberships,
                                                   CrCheckMembership, i);

      c.ms_start[i] = day_of (m->start);
      c.ms_end[i] = m->end ? day_of (m->end) : NEVER;
      /* Not yet begun on the date: not there at all. */
      if (c.ms_start[i] > c.on)
        c.ms_end[i] = 0;
      else if (c.ms_end[i] > c.on)
        c.ms_end[i] = NEVER;
    }
  buckets_init (&c.ms, input->memberships, c.n_members, c.ms_start);

  n = input->offices->len;
  c.of_start = g_new (guint32, n + 1);
  c.of_end = g_new (guint32, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const CrCheckOffice *o = &g_array_index (input->offices, CrCheckOffice, i);

      c.of_start[i] = day_of (o->start);
      c.of_end[i] = o->end ? day_of (o->end) : NEVER;
      if (c.of_end[i] > c.on && c.of_start[i] <= c.on)
        c.of_end[i] = NEVER;
    }
  buckets_init (&c.of, input->offices, c.n_members, c.of_start);

  n = input->bars->len;
  c.bar_start = g_new (guint32, n + 1);
  c.bar_end = g_new (guint32, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const CrCheckBar *b = &g_array_index (input->bars, CrCheckBar, i);

      c.bar_start[i] = day_of (b->start);
      c.bar_end[i] = b->end ? day_of (b->end) : NEVER;
    }
  buckets_init (&c.bars, input->bars, c.n_members, c.bar_start);

  n = input->meetings->len;
  c.meeting_day = g_new (guint32, n + 1);
  for (guint i = 0; i < n; i++)
    {
      const CrCheckMeeting *m = meeting_at (&c, i);

      c.meeting_day[i] = day_of (m->date);
      if (m->kind == CR_MEETING_KIND_AGM && m->status == CR_MEETING_STATUS_HELD &&
          c.meeting_day[i] <= c.on)
        c.last_agm = MAX (c.last_agm, c.meeting_day[i]);
    }

  n = input->marks->len;
  c.mark_key = g_new (guint32, n + 1);
  for (guint i = 0; i < n; i++)
    c.mark_key[i] = g_array_index (input->marks, CrCheckMark, i).meeting;
  buckets_init (&c.marks, input->marks, c.n_members, c.mark_key);

  check_lapse (&c);
  check_quorum (&c);
  check_max_members (&c);
  check_term (&c);
  check_chair (&c);
  check_frequency (&c);
  check_papers (&c);
  check_minutes (&c);
  check_agenda (&c);
  check_agm (&c);
  check_elections (&c);
  check_actions (&c);

  g_ptr_array_sort (items, compare_items);

  g_free (c.ms_start);
  g_free (c.ms_end);
  buckets_clear (&c.ms);
  g_free (c.of_start);
  g_free (c.of_end);
  buckets_clear (&c.of);
  g_free (c.bar_start);
  g_free (c.bar_end);
  buckets_clear (&c.bars);
  g_free (c.meeting_day);
  g_free (c.mark_key);
  buckets_clear (&c.marks);
  return items;
}
