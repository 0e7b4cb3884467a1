/* cr-meeting.c: meetings, their agendas, attendance, quorum, votes and
 * actions, as plain types and pure rules
 *
 * A quorum counts voting members present in their own right: guests,
 * council and housing officers, co-optees and observers never count, and
 * a percentage of the voting membership is rounded up (50% of 7 is 4).
 * A vote is carried by a simple majority of the votes cast; abstentions
 * count for nothing. A tie stands unless the chair has, and gives, a
 * casting vote. cr_vote_outcome() is total, so that a stored decision can
 * always be read back; cr_vote_check() is the gate that refuses a casting
 * vote where there is no tie, or from a chair who has none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-core"

#include "config.h"

#include "cr-meeting.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Limits that catch typing slips without getting in anyone's way. */
#define MAX_QUORUM_COUNT 9999

G_DEFINE_QUARK (cr-meeting-error-quark, cr_meeting_error)

typedef struct
{
  const char *word;   /* in the file and on the command line */
  const char *label;  /* N_(), translated when asked for */
} Name;

static const Name meeting_kinds[] = {
  [CR_MEETING_KIND_ORDINARY] = { "ordinary", N_("Ordinary meeting") },
  [CR_MEETING_KIND_AGM] = { "agm", N_("Annual general meeting") },
  [CR_MEETING_KIND_SPECIAL] = { "special", N_("Special meeting") },
  [CR_MEETING_KIND_SUB_GROUP] = { "sub-group", N_("Sub-group meeting") },
};

static const Name meeting_statuses[] = {
  [CR_MEETING_STATUS_PLANNED] = { "planned", N_("Planned") },
  [CR_MEETING_STATUS_HELD] = { "held", N_("Held") },
  [CR_MEETING_STATUS_CANCELLED] = { "cancelled", N_("Cancelled") },
};

static const char *const attendance_words[] = {
  [CR_ATTENDANCE_NONE] = NULL,
  [CR_ATTENDANCE_PRESENT] = "present",
  [CR_ATTENDANCE_APOLOGIES] = "apologies",
  [CR_ATTENDANCE_ABSENT] = "absent",
};

static const Name attendee_roles[] = {
  [CR_ATTENDEE_MEMBER] = { "member", N_("Member") },
  [CR_ATTENDEE_GUEST] = { "guest", N_("Guest") },
  [CR_ATTENDEE_OFFICER] = { "officer", N_("Officer") },
};

static const Name decision_methods[] = {
  [CR_DECISION_CONSENSUS] = { "consensus", N_("By consensus") },
  [CR_DECISION_VOTE] = { "vote", N_("By vote") },
};

static const Name casting_votes[] = {
  [CR_CASTING_VOTE_NONE] = { NULL, N_("No casting vote") },
  [CR_CASTING_VOTE_FOR] = { "for", N_("Chair’s casting vote for") },
  [CR_CASTING_VOTE_AGAINST] = { "against", N_("Chair’s casting vote against") },
};

static const Name vote_outcomes[] = {
  [CR_VOTE_CARRIED] = { "carried", N_("Carried") },
  [CR_VOTE_DEFEATED] = { "defeated", N_("Defeated") },
  [CR_VOTE_TIED] = { "tied", N_("Tied") },
  [CR_VOTE_CONSENSUS] = { "consensus", N_("Agreed by consensus") },
};

static const Name action_statuses[] = {
  [CR_ACTION_OPEN] = { "open", N_("Open") },
  [CR_ACTION_IN_PROGRESS] = { "in-progress", N_("In progress") },
  [CR_ACTION_DONE] = { "done", N_("Done") },
  [CR_ACTION_DROPPED] = { "dropped", N_("Dropped") },
};

static const Name quorate_names[] = {
  [CR_QUORATE_UNKNOWN] = { "unknown", N_("Not known") },
  [CR_QUORATE_YES] = { "yes", N_("Quorate") },
  [CR_QUORATE_NO] = { "no", N_("Not quorate") },
};

static gboolean
name_lookup (const Name *names,
             guint       n,
             const char *str,
             guint      *out)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (names[i].word != NULL && g_ascii_strcasecmp (names[i].word, str) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

#define DEFINE_NAMES(prefix, Type, table)                                  \
  const char *                                                             \
  prefix##_to_string (Type value)                                          \
  {                                                                        \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);     \
    return table[value].word;                                              \
  }                                                                        \
                                                                           \
  gboolean                                                                 \
  prefix##_from_string (const char *str,                                   \
                        Type       *value)                                 \
  {                                                                        \
    guint i;                                                               \
                                                                           \
    g_return_val_if_fail (value != NULL, FALSE);                           \
    if (!name_lookup (table, G_N_ELEMENTS (table), str, &i))               \
      return FALSE;                                                        \
    *value = (Type) i;                                                     \
    return TRUE;                                                           \
  }                                                                        \
                                                                           \
  const char *                                                             \
  prefix##_get_label (Type value)                                          \
  {                                                                        \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), "");       \
    return g_dgettext (GETTEXT_PACKAGE, table[value].label);               \
  }

/* Each enumeration has _to_string() (transfer none: the word the file and
 * the command line use, %NULL for a value that is never stored),
 * _from_string() (%TRUE if @str, in any case, names a value) and
 * _get_label() (transfer none: the translated words for the window). */
DEFINE_NAMES (cr_meeting_kind, CrMeetingKind, meeting_kinds)
DEFINE_NAMES (cr_meeting_status, CrMeetingStatus, meeting_statuses)
DEFINE_NAMES (cr_attendee_role, CrAttendeeRole, attendee_roles)
DEFINE_NAMES (cr_decision_method, CrDecisionMethod, decision_methods)
DEFINE_NAMES (cr_casting_vote, CrCastingVote, casting_votes)
DEFINE_NAMES (cr_vote_outcome, CrVoteOutcome, vote_outcomes)
DEFINE_NAMES (cr_action_status, CrActionStatus, action_statuses)

/**
 * cr_attendance_mark_to_string:
 *
 * Returns: (transfer none) (nullable): the word the file keeps for @mark;
 *   %NULL for %CR_ATTENDANCE_NONE, which is never stored (the register's
 *   letters are cr_attendance_mark_to_letter()'s)
 */
const char *
cr_attendance_mark_to_string (CrAttendanceMark mark)
{
  g_return_val_if_fail ((guint) mark < G_N_ELEMENTS (attendance_words), NULL);
  return attendance_words[mark];
}

/**
 * cr_attendance_mark_from_string:
 * @str: "present", "apologies" or "absent", in any case
 *
 * Returns: %TRUE if @str is a stored mark's word
 */
gboolean
cr_attendance_mark_from_string (const char       *str,
                                CrAttendanceMark *mark)
{
  g_return_val_if_fail (mark != NULL, FALSE);

  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (attendance_words); i++)
    if (attendance_words[i] != NULL &&
        g_ascii_strcasecmp (attendance_words[i], str) == 0)
      {
        *mark = (CrAttendanceMark) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * cr_quorate_to_string:
 *
 * Returns: (transfer none): "yes", "no" or "unknown", as the command line
 *   prints it
 */
const char *
cr_quorate_to_string (CrQuorate quorate)
{
  g_return_val_if_fail ((guint) quorate < G_N_ELEMENTS (quorate_names), NULL);
  return quorate_names[quorate].word;
}

/**
 * cr_quorate_get_label:
 *
 * Returns: (transfer none): the translated words for @quorate
 */
const char *
cr_quorate_get_label (CrQuorate quorate)
{
  g_return_val_if_fail ((guint) quorate < G_N_ELEMENTS (quorate_names), "");
  return g_dgettext (GETTEXT_PACKAGE, quorate_names[quorate].label);
}

/**
 * cr_meeting_new:
 *
 * Returns: (transfer full): an empty ordinary meeting, planned; free with
 *   cr_meeting_free()
 */
CrMeeting *
cr_meeting_new (void)
{
  return g_new0 (CrMeeting, 1);
}

/**
 * cr_meeting_copy:
 *
 * Returns: (transfer full): a deep copy of @meeting
 */
CrMeeting *
cr_meeting_copy (const CrMeeting *meeting)
{
  CrMeeting *copy;

  g_return_val_if_fail (meeting != NULL, NULL);

  copy = g_memdup2 (meeting, sizeof *meeting);
  copy->group_name = g_strdup (meeting->group_name);
  copy->date = g_strdup (meeting->date);
  copy->start_time = g_strdup (meeting->start_time);
  copy->end_time = g_strdup (meeting->end_time);
  copy->venue = g_strdup (meeting->venue);
  copy->papers_sent_on = g_strdup (meeting->papers_sent_on);
  copy->minutes_circulated_on = g_strdup (meeting->minutes_circulated_on);
  copy->notes = g_strdup (meeting->notes);
  return copy;
}

void
cr_meeting_free (CrMeeting *meeting)
{
  if (meeting == NULL)
    return;
  g_free (meeting->group_name);
  g_free (meeting->date);
  g_free (meeting->start_time);
  g_free (meeting->end_time);
  g_free (meeting->venue);
  g_free (meeting->papers_sent_on);
  g_free (meeting->minutes_circulated_on);
  g_free (meeting->notes);
  g_free (meeting);
}

/**
 * cr_agenda_item_new:
 *
 * Returns: (transfer full): an empty item; free with cr_agenda_item_free()
 */
CrAgendaItem *
cr_agenda_item_new (void)
{
  return g_new0 (CrAgendaItem, 1);
}

void
cr_agenda_item_free (CrAgendaItem *item)
{
  if (item == NULL)
    return;
  g_free (item->title);
  g_free (item->proposed_on);
  g_free (item->minutes);
  g_free (item);
}

/**
 * cr_decision_new:
 *
 * Returns: (transfer full): an empty decision by consensus; free with
 *   cr_decision_free()
 */
CrDecision *
cr_decision_new (void)
{
  CrDecision *decision = g_new0 (CrDecision, 1);

  decision->outcome = CR_VOTE_CONSENSUS;
  return decision;
}

void
cr_decision_free (CrDecision *decision)
{
  if (decision == NULL)
    return;
  g_free (decision->text);
  g_free (decision);
}

/**
 * cr_action_new:
 *
 * Returns: (transfer full): an empty open action; free with cr_action_free()
 */
CrAction *
cr_action_new (void)
{
  return g_new0 (CrAction, 1);
}

void
cr_action_free (CrAction *action)
{
  if (action == NULL)
    return;
  g_free (action->description);
  g_free (action->owner_text);
  g_free (action->due_date);
  g_free (action->outcome);
  g_free (action->done_on);
  g_free (action->owner_name);
  g_free (action->meeting_date);
  g_free (action->group_name);
  g_free (action);
}

/**
 * cr_action_is_overdue:
 * @on_date: ISO date
 *
 * Returns: whether @action is still open or in progress after its due date
 */
gboolean
cr_action_is_overdue (const CrAction *action,
                      const char     *on_date)
{
  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (on_date != NULL, FALSE);

  return (action->status == CR_ACTION_OPEN ||
          action->status == CR_ACTION_IN_PROGRESS) &&
         action->due_date != NULL && strcmp (action->due_date, on_date) < 0;
}

/* Reads a whole number of at most @max from *@p, moving past it. */
static gboolean
read_number (const char **p,
             guint        max,
             guint       *out)
{
  guint64 n = 0;
  const char *s = *p;

  if (!g_ascii_isdigit (*s))
    return FALSE;
  while (g_ascii_isdigit (*s))
    {
      n = n * 10 + (guint) (*s - '0');
      if (n > max)
        return FALSE;
      s++;
    }
  *p = s;
  *out = (guint) n;
  return TRUE;
}

/* One part of a rule: "4" or "33%". */
static gboolean
read_part (const char **p,
           gboolean    *is_percent,
           guint       *value)
{
  if (!read_number (p, MAX_QUORUM_COUNT, value) || *value == 0)
    return FALSE;
  *is_percent = (**p == '%');
  if (*is_percent)
    {
      (*p)++;
      return *value <= 100;
    }
  return TRUE;
}

/**
 * cr_quorum_rule_parse:
 * @text: a rule as DESIGN.md writes it: "4", "50%", "min(10,33%)",
 *   "max(3,25%)" or "none"; spaces and case don't matter, and the two
 *   parts of min() and max() may come in either order
 * @out: (out): the rule
 *
 * Returns: %TRUE if @text is a quorum rule; otherwise %FALSE with
 *   %CR_MEETING_ERROR_INVALID and @out untouched
 */
gboolean
cr_quorum_rule_parse (const char    *text,
                      CrQuorumRule  *out,
                      GError       **error)
{
  g_autoptr (GString) folded = g_string_new (NULL);
  CrQuorumRule rule = { CR_QUORUM_NONE, 0, 0 };
  const char *p;
  gboolean ok = FALSE;

  g_return_val_if_fail (out != NULL, FALSE);

  for (p = text ? text : ""; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (folded, g_ascii_tolower (*p));
  p = folded->str;

  if (g_str_equal (p, "none"))
    ok = TRUE;
  else if (g_str_has_prefix (p, "min(") || g_str_has_prefix (p, "max("))
    {
      gboolean first_percent = FALSE, second_percent = FALSE;
      guint first = 0, second = 0;

      rule.mode = p[1] == 'i' ? CR_QUORUM_MIN_OF : CR_QUORUM_MAX_OF;
      p += 4;
      if (read_part (&p, &first_percent, &first) && *p++ == ',' &&
          read_part (&p, &second_percent, &second) && *p++ == ')' &&
          *p == '\0' && first_percent != second_percent)
        {
          rule.count = first_percent ? second : first;
          rule.percent = first_percent ? first : second;
          ok = TRUE;
        }
    }
  else
    {
      gboolean is_percent = FALSE;
      guint value = 0;

      if (read_part (&p, &is_percent, &value) && *p == '\0')
        {
          rule.mode = is_percent ? CR_QUORUM_PERCENT : CR_QUORUM_COUNT;
          if (is_percent)
            rule.percent = value;
          else
            rule.count = value;
          ok = TRUE;
        }
    }

  if (!ok)
    {
      g_set_error (error, CR_MEETING_ERROR, CR_MEETING_ERROR_INVALID,
                   _("“%s” isn’t a quorum. Write a number of voting members "
                     "(4), a percentage of the voting membership (50%%), the "
                     "lesser or greater of the two (min(10,33%%), "
                     "max(3,25%%)), or none."),
                   text ? text : "");
      return FALSE;
    }
  *out = rule;
  return TRUE;
}

/**
 * cr_quorum_rule_to_string:
 *
 * Returns: (transfer full): @rule as cr_quorum_rule_parse() reads it, in
 *   its usual form ("min(10,33%)")
 */
char *
cr_quorum_rule_to_string (const CrQuorumRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  switch (rule->mode)
    {
    case CR_QUORUM_COUNT:
      return g_strdup_printf ("%u", rule->count);
    case CR_QUORUM_PERCENT:
      return g_strdup_printf ("%u%%", rule->percent);
    case CR_QUORUM_MIN_OF:
      return g_strdup_printf ("min(%u,%u%%)", rule->count, rule->percent);
    case CR_QUORUM_MAX_OF:
      return g_strdup_printf ("max(%u,%u%%)", rule->count, rule->percent);
    case CR_QUORUM_NONE:
    default:
      return g_strdup ("none");
    }
}

/**
 * cr_quorum_rule_describe:
 *
 * Returns: (transfer full): @rule in a translated sentence for the window
 */
char *
cr_quorum_rule_describe (const CrQuorumRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);

  switch (rule->mode)
    {
    case CR_QUORUM_COUNT:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "At least %u voting member present",
                                           "At least %u voting members present",
                                           rule->count),
                              rule->count);
    case CR_QUORUM_PERCENT:
      return g_strdup_printf (_("At least %u%% of the voting members present"),
                              rule->percent);
    case CR_QUORUM_MIN_OF:
      return g_strdup_printf (_("At least %u voting members present, or %u%% "
                                "of them if that is fewer"),
                              rule->count, rule->percent);
    case CR_QUORUM_MAX_OF:
      return g_strdup_printf (_("At least %u voting members present, or %u%% "
                                "of them if that is more"),
                              rule->count, rule->percent);
    case CR_QUORUM_NONE:
    default:
      return g_strdup (_("No quorum"));
    }
}

/**
 * cr_quorum_required:
 * @voting_members: the group's voting members on the meeting's date
 *
 * How many voting members must be present. A percentage is of the voting
 * membership, rounded up; whatever the rule says, a meeting with a quorum
 * needs at least one member there.
 *
 * Returns: the number needed; 0 for no quorum
 */
guint
cr_quorum_required (const CrQuorumRule *rule,
                    guint               voting_members)
{
  guint by_percent;
  guint n = 0;

  g_return_val_if_fail (rule != NULL, 0);

  by_percent = (guint) (((guint64) voting_members * rule->percent + 99) / 100);
  switch (rule->mode)
    {
    case CR_QUORUM_NONE:
      return 0;
    case CR_QUORUM_COUNT:
      n = rule->count;
      break;
    case CR_QUORUM_PERCENT:
      n = by_percent;
      break;
    case CR_QUORUM_MIN_OF:
      n = MIN (rule->count, by_percent);
      break;
    case CR_QUORUM_MAX_OF:
      n = MAX (rule->count, by_percent);
      break;
    default:
      g_return_val_if_reached (0);
    }
  return MAX (n, 1);
}

/**
 * cr_quorum_met:
 * @voting_members: the group's voting members on the meeting's date
 * @voting_present: how many of them are present (never guests or officers)
 *
 * Returns: whether the meeting is quorate
 */
gboolean
cr_quorum_met (const CrQuorumRule *rule,
               guint               voting_members,
               guint               voting_present)
{
  g_return_val_if_fail (rule != NULL, FALSE);

  return voting_present >= cr_quorum_required (rule, voting_members);
}

/**
 * cr_vote_outcome:
 * @for_: votes for the motion
 * @against: votes against
 * @abstain: abstentions, which count for nothing
 * @casting: the chair's casting vote, if given
 * @chair_has_casting_vote: whether the group's rules give the chair one
 *
 * A simple majority of the votes cast. A tie is broken by the casting
 * vote only if the chair has one; a casting vote given where there is no
 * tie (or by a chair who has none) is ignored here and refused by
 * cr_vote_check().
 *
 * Returns: carried, defeated or tied
 */
CrVoteOutcome
cr_vote_outcome (guint          for_,
                 guint          against,
                 guint          abstain,
                 CrCastingVote  casting,
                 gboolean       chair_has_casting_vote)
{
  if (for_ > against)
    return CR_VOTE_CARRIED;
  if (against > for_)
    return CR_VOTE_DEFEATED;
  if (chair_has_casting_vote && casting == CR_CASTING_VOTE_FOR)
    return CR_VOTE_CARRIED;
  if (chair_has_casting_vote && casting == CR_CASTING_VOTE_AGAINST)
    return CR_VOTE_DEFEATED;
  return CR_VOTE_TIED;
}

/**
 * cr_vote_check:
 *
 * Whether a vote can be recorded as given: at least one vote cast, and a
 * casting vote only to break a tie, from a chair who has one.
 *
 * Returns: %TRUE if so; otherwise %FALSE with %CR_MEETING_ERROR_INVALID
 */
gboolean
cr_vote_check (guint           for_,
               guint           against,
               guint           abstain,
               CrCastingVote   casting,
               gboolean        chair_has_casting_vote,
               GError        **error)
{
  g_return_val_if_fail ((guint) casting < G_N_ELEMENTS (casting_votes), FALSE);

  if ((guint64) for_ + against + abstain == 0)
    {
      g_set_error_literal (error, CR_MEETING_ERROR, CR_MEETING_ERROR_INVALID,
                           _("No votes were counted. Give the votes for, "
                             "against and abstaining, or record the decision "
                             "as made by consensus."));
      return FALSE;
    }
  if (casting != CR_CASTING_VOTE_NONE && !chair_has_casting_vote)
    {
      g_set_error_literal (error, CR_MEETING_ERROR, CR_MEETING_ERROR_INVALID,
                           _("This group’s chair has no casting vote, so a "
                             "tie stands."));
      return FALSE;
    }
  if (casting != CR_CASTING_VOTE_NONE && for_ != against)
    {
      g_set_error_literal (error, CR_MEETING_ERROR, CR_MEETING_ERROR_INVALID,
                           _("The chair’s casting vote only breaks a tie; "
                             "this vote wasn’t tied."));
      return FALSE;
    }
  return TRUE;
}
