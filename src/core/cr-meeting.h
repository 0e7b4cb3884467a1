/* cr-meeting.h: meetings, their agendas, attendance, quorum, votes and
 * actions, as plain types and pure rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

/* CrAttendanceMark (none, present, apologies, absent) is the register's,
 * shared with the attendance matrix; CR_ATTENDANCE_NONE is never stored:
 * it is how a list says "no mark yet". */
#include "cr-attendance-matrix.h"

G_BEGIN_DECLS

#define CR_MEETING_ERROR (cr_meeting_error_quark ())

typedef enum
{
  CR_MEETING_ERROR_INVALID,   /* a quorum rule or a vote that can't be */
} CrMeetingError;

typedef enum
{
  CR_MEETING_KIND_ORDINARY = 0,
  CR_MEETING_KIND_AGM,
  CR_MEETING_KIND_SPECIAL,
  CR_MEETING_KIND_SUB_GROUP,
} CrMeetingKind;

typedef enum
{
  CR_MEETING_STATUS_PLANNED = 0,
  CR_MEETING_STATUS_HELD,
  CR_MEETING_STATUS_CANCELLED,
} CrMeetingStatus;

/* In what capacity someone is at a meeting. Guests and officers (council
 * or housing staff) never count towards a quorum. */
typedef enum
{
  CR_ATTENDEE_MEMBER = 0,
  CR_ATTENDEE_GUEST,
  CR_ATTENDEE_OFFICER,
} CrAttendeeRole;

typedef enum
{
  CR_DECISION_CONSENSUS = 0,
  CR_DECISION_VOTE,
} CrDecisionMethod;

typedef enum
{
  CR_CASTING_VOTE_NONE = 0,
  CR_CASTING_VOTE_FOR,
  CR_CASTING_VOTE_AGAINST,
} CrCastingVote;

typedef enum
{
  CR_VOTE_CARRIED = 0,
  CR_VOTE_DEFEATED,
  CR_VOTE_TIED,       /* equal votes and no casting vote to break it */
  CR_VOTE_CONSENSUS,  /* agreed without a vote */
} CrVoteOutcome;

typedef enum
{
  CR_ACTION_OPEN = 0,
  CR_ACTION_IN_PROGRESS,
  CR_ACTION_DONE,
  CR_ACTION_DROPPED,
} CrActionStatus;

/* Whether a meeting had its quorum: unknown until it is held and its
 * attendance is taken. */
typedef enum
{
  CR_QUORATE_UNKNOWN = 0,
  CR_QUORATE_YES,
  CR_QUORATE_NO,
} CrQuorate;

typedef enum
{
  CR_QUORUM_NONE = 0,   /* no quorum: any meeting may decide */
  CR_QUORUM_COUNT,      /* at least @count voting members present */
  CR_QUORUM_PERCENT,    /* at least @percent of the voting membership */
  CR_QUORUM_MIN_OF,     /* the lesser of the two */
  CR_QUORUM_MAX_OF,     /* the greater of the two */
} CrQuorumMode;

/* A group's quorum, as DESIGN.md's `quorum` rule writes it: "4", "50%",
 * "min(10,33%)", "max(3,25%)" or "none". */
typedef struct
{
  CrQuorumMode mode;
  guint        count;    /* COUNT, MIN_OF, MAX_OF */
  guint        percent;  /* PERCENT, MIN_OF, MAX_OF: 1 to 100 */
} CrQuorumRule;

/* The rule of a group whose terms of reference don't give one. */
#define CR_QUORUM_DEFAULT "3"

/* One meeting. The quorum figures are filled in by the store when it reads
 * a meeting and are ignored when it writes one. */
typedef struct
{
  gint64           id;
  gint64           group_id;
  char            *group_name;              /* read only */
  char            *date;                    /* ISO */
  char            *start_time;              /* "HH:MM", or NULL */
  char            *end_time;                /* "HH:MM", or NULL */
  char            *venue;
  CrMeetingKind    kind;
  CrMeetingStatus  status;
  char            *papers_sent_on;          /* ISO, or NULL */
  char            *minutes_circulated_on;   /* ISO, or NULL */
  gint64           minutes_approved_at;     /* a later meeting, or 0 */
  char            *notes;

  CrQuorate        quorate;
  guint            quorum_required;
  guint            voting_members;
  guint            voting_present;
} CrMeeting;

/* One item of a meeting's agenda, with its minute. */
typedef struct
{
  gint64    id;
  gint64    meeting_id;
  guint     position;     /* 1, 2, …; any other business is always last */
  char     *title;
  gint64    proposer_id;  /* a person, or 0 */
  char     *proposed_on;  /* ISO, or NULL */
  gboolean  standing;     /* on every agenda (apologies, minutes …) */
  gboolean  is_aob;       /* "Any other business" */
  char     *minutes;
} CrAgendaItem;

/* A decision on an agenda item. The outcome is derived from the votes,
 * never typed; quorate_at_time from the meeting's attendance. */
typedef struct
{
  gint64            id;
  gint64            item_id;
  char             *text;
  CrDecisionMethod  method;
  guint             votes_for;
  guint             votes_against;
  guint             votes_abstain;
  CrCastingVote     casting;
  CrVoteOutcome     outcome;
  gboolean          quorate_at_time;  /* FALSE: to be ratified */
} CrDecision;

/* An action agreed at a meeting, for the "You said, we did" log. */
typedef struct
{
  gint64          id;
  gint64          meeting_id;
  gint64          item_id;          /* 0: the meeting as a whole */
  char           *description;
  gint64          owner_person_id;  /* 0 if owned by @owner_text or no one */
  char           *owner_text;       /* "Housing officer", an organisation */
  char           *due_date;         /* ISO, or NULL */
  CrActionStatus  status;
  char           *outcome;          /* what was done: "we did" */
  char           *done_on;          /* ISO, or NULL */

  /* Filled in by the store when read. */
  char           *owner_name;       /* the person's name, or @owner_text */
  char           *meeting_date;     /* ISO */
  gint64          group_id;
  char           *group_name;
} CrAction;

GQuark         cr_meeting_error_quark       (void);

CrMeeting     *cr_meeting_new               (void);
CrMeeting     *cr_meeting_copy              (const CrMeeting    *meeting);
void           cr_meeting_free              (CrMeeting          *meeting);
CrAgendaItem  *cr_agenda_item_new           (void);
void           cr_agenda_item_free          (CrAgendaItem       *item);
CrDecision    *cr_decision_new              (void);
void           cr_decision_free             (CrDecision         *decision);
CrAction      *cr_action_new                (void);
void           cr_action_free               (CrAction           *action);
gboolean       cr_action_is_overdue         (const CrAction     *action,
                                             const char         *on_date);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrMeeting, cr_meeting_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrAgendaItem, cr_agenda_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrDecision, cr_decision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrAction, cr_action_free)

const char    *cr_meeting_kind_to_string     (CrMeetingKind      kind);
gboolean       cr_meeting_kind_from_string   (const char        *str,
                                              CrMeetingKind     *kind);
const char    *cr_meeting_kind_get_label     (CrMeetingKind      kind);
const char    *cr_meeting_status_to_string   (CrMeetingStatus    status);
gboolean       cr_meeting_status_from_string (const char        *str,
                                              CrMeetingStatus   *status);
const char    *cr_meeting_status_get_label   (CrMeetingStatus    status);
const char    *cr_attendance_mark_to_string  (CrAttendanceMark   mark);
gboolean       cr_attendance_mark_from_string (const char       *str,
                                               CrAttendanceMark *mark);
const char    *cr_attendee_role_to_string    (CrAttendeeRole     role);
gboolean       cr_attendee_role_from_string  (const char        *str,
                                              CrAttendeeRole    *role);
const char    *cr_attendee_role_get_label    (CrAttendeeRole     role);
const char    *cr_decision_method_to_string  (CrDecisionMethod   method);
gboolean       cr_decision_method_from_string (const char       *str,
                                               CrDecisionMethod *method);
const char    *cr_decision_method_get_label  (CrDecisionMethod   method);
const char    *cr_casting_vote_to_string     (CrCastingVote      casting);
gboolean       cr_casting_vote_from_string   (const char        *str,
                                              CrCastingVote     *casting);
const char    *cr_casting_vote_get_label     (CrCastingVote      casting);
const char    *cr_vote_outcome_to_string     (CrVoteOutcome      outcome);
gboolean       cr_vote_outcome_from_string   (const char        *str,
                                              CrVoteOutcome     *outcome);
const char    *cr_vote_outcome_get_label     (CrVoteOutcome      outcome);
const char    *cr_action_status_to_string    (CrActionStatus     status);
gboolean       cr_action_status_from_string  (const char        *str,
                                              CrActionStatus    *status);
const char    *cr_action_status_get_label    (CrActionStatus     status);
const char    *cr_quorate_to_string          (CrQuorate          quorate);
const char    *cr_quorate_get_label          (CrQuorate          quorate);

gboolean       cr_quorum_rule_parse          (const char         *text,
                                              CrQuorumRule       *out,
                                              GError            **error);
char          *cr_quorum_rule_to_string      (const CrQuorumRule *rule);
char          *cr_quorum_rule_describe       (const CrQuorumRule *rule);
guint          cr_quorum_required            (const CrQuorumRule *rule,
                                              guint               voting_members);
gboolean       cr_quorum_met                 (const CrQuorumRule *rule,
                                              guint               voting_members,
                                              guint               voting_present);

CrVoteOutcome  cr_vote_outcome               (guint               for_,
                                              guint               against,
                                              guint               abstain,
                                              CrCastingVote       casting,
                                              gboolean            chair_has_casting_vote);
gboolean       cr_vote_check                 (guint               for_,
                                              guint               against,
                                              guint               abstain,
                                              CrCastingVote       casting,
                                              gboolean            chair_has_casting_vote,
                                              GError            **error);

G_END_DECLS
