/* cr-rules.h: a group's structured rules, and the engine that checks a
 * group's records against them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "cr-meeting.h"

G_BEGIN_DECLS

#define CR_RULES_ERROR (cr_rules_error_quark ())

typedef enum
{
  CR_RULES_ERROR_UNKNOWN_KEY,    /* no rule of that name */
  CR_RULES_ERROR_INVALID_VALUE,  /* a value the rule can't take */
} CrRulesError;

/* The keys of DESIGN.md's rule table, in its order. */
typedef enum
{
  CR_RULE_QUORUM = 0,
  CR_RULE_MAX_MEMBERS,
  CR_RULE_LAPSE_CONSECUTIVE,
  CR_RULE_LAPSE_IN_12_MONTHS,
  CR_RULE_APOLOGIES_EXCUSE,
  CR_RULE_TERM_YEARS,
  CR_RULE_MAX_TERMS,
  CR_RULE_CHAIR_MAX_YEARS,
  CR_RULE_CHAIR_MAX_CONSECUTIVE_YEARS,
  CR_RULE_MEETINGS_PER_YEAR_MIN,
  CR_RULE_MEETING_MONTHS_AVOID,
  CR_RULE_PAPERS_NOTICE_WORKING_DAYS,
  CR_RULE_MINUTES_DUE_WORKING_DAYS,
  CR_RULE_AGENDA_ITEMS_NOTICE_WEEKS,
  CR_RULE_TRAINING_THRESHOLD_PERCENT,
  CR_RULE_CASTING_VOTE,
  CR_RULE_AGM_MAX_MONTHS,
  CR_RULE_AGM_NOTICE_DAYS,
  CR_RULE_HOUSEHOLDS,
  /* Work plan and scrutiny reviews (cr-store-workplan.c). */
  CR_RULE_LEAD_MAX_PRIORITIES,
  CR_RULE_REVIEWS_PER_YEAR_MAX,
  CR_RULE_REQUEST_RESPONSE_DAYS,
  CR_RULE_COMMENTS_DUE_DAYS,
  /* Personal data (cr-store-privacy.c). */
  CR_RULE_RETENTION_YEARS,
  CR_RULE_N_KEYS
} CrRuleKey;

/* A quorum in tiers by the households a group covers, written
 * "tiers(100:5,400:8,12)": up to 100 households 5, up to 400 8, more 12. */
#define CR_QUORUM_MAX_TIERS 8

typedef struct
{
  guint n;                              /* tiers with a bound; 0: no tiers */
  guint up_to[CR_QUORUM_MAX_TIERS];     /* households, rising */
  guint count[CR_QUORUM_MAX_TIERS];
  guint otherwise;                      /* above the last bound */
} CrQuorumTiers;

/* A group's rules. A rule that is not set ("none") is not checked. */
typedef struct
{
  guint32      set;                     /* 1 << CrRuleKey for each rule set */
  CrQuorumRule quorum;                  /* CR_RULE_QUORUM; with tiers, the
                                         * count they give for the
                                         * households */
  CrQuorumTiers tiers;                  /* CR_RULE_QUORUM as tiers */
  guint        value[CR_RULE_N_KEYS];   /* whole numbers; yes = 1, no = 0;
                                         * the months to avoid as bits,
                                         * 1 << (month - 1) */
} CrRules;

/* What an attention item is about. */
typedef enum
{
  CR_ATTENTION_PERSON = 0,
  CR_ATTENTION_MEETING,
  CR_ATTENTION_GROUP,
  CR_ATTENTION_ACTION,
} CrAttentionSubjectKind;

/* One thing a rule says needs attention. */
typedef struct
{
  const char             *rule;          /* static: "lapse", "quorum" … */
  CrAttentionSubjectKind  subject_kind;
  gint64                  subject_id;    /* a person, meeting, group, action */
  char                   *subject;       /* its display name */
  gint64                  group_id;
  char                   *group_name;
  char                   *date;          /* ISO: since when, or when due */
  char                   *detail;        /* a sentence for the secretary */
} CrAttentionItem;

/* The engine's view of one group's records, gathered by the store. Every
 * string is owned by the input; dates are ISO. Members, meetings and the
 * rest are referred to by their index in their array. */
typedef struct
{
  gint64      person_id;
  const char *name;
} CrCheckMember;

typedef struct
{
  guint       member;
  gboolean    voting;  /* a voting membership; others never count */
  const char *start;
  const char *end;     /* last day; NULL while current */
} CrCheckMembership;

typedef struct
{
  guint       member;
  const char *role;    /* "Chair", "Vice-chair" … */
  const char *start;
  const char *end;     /* last day; NULL while held */
} CrCheckOffice;

/* A suspension or exclusion that bars a member from meetings. */
typedef struct
{
  guint       member;
  const char *start;
  const char *end;     /* last day; NULL: open-ended */
} CrCheckBar;

typedef struct
{
  gint64           id;
  const char      *date;
  CrMeetingKind    kind;
  CrMeetingStatus  status;
  const char      *papers_sent_on;         /* the notice date for an AGM */
  const char      *minutes_circulated_on;
  gboolean         marked;                 /* any attendance taken */
  const CrRules   *rules;                  /* in force on its date; NULL:
                                            * those checked on */
} CrCheckMeeting;

/* An agenda item and when it was proposed, for `agenda-late`. */
typedef struct
{
  guint       meeting;
  const char *title;
  const char *proposed_on;
} CrCheckAgendaItem;

typedef struct
{
  guint            member;
  guint            meeting;
  CrAttendanceMark mark;
  CrAttendeeRole   role;
} CrCheckMark;

/* An action still open or in progress. */
typedef struct
{
  gint64      id;
  const char *description;
  const char *owner;         /* a name, or NULL */
  const char *due_date;      /* NULL: no date */
  const char *meeting_date;
} CrCheckAction;

typedef struct
{
  gint64        group_id;
  const char   *group_name;
  GArray       *members;      /* of CrCheckMember */
  GArray       *memberships;  /* of CrCheckMembership */
  GArray       *offices;      /* of CrCheckOffice */
  GArray       *bars;         /* of CrCheckBar */
  GArray       *meetings;     /* of CrCheckMeeting, in date order */
  GArray       *marks;        /* of CrCheckMark, in any order */
  GArray       *actions;      /* of CrCheckAction */
  GArray       *agenda;       /* of CrCheckAgendaItem */
  GStringChunk *strings;
} CrCheckInput;

GQuark             cr_rules_error_quark          (void);

const char *const *cr_rules_get_keys             (void);
gboolean           cr_rules_key_from_string      (const char        *key,
                                                  CrRuleKey         *out);
const char        *cr_rules_key_to_string        (CrRuleKey          key);
const char        *cr_rules_key_get_label        (CrRuleKey          key);
const char        *cr_rules_key_get_help         (CrRuleKey          key);
guint              cr_quorum_tiers_count         (const CrQuorumTiers *tiers,
                                                  guint              households);

CrRules           *cr_rules_new                  (void);
CrRules           *cr_rules_copy                 (const CrRules     *rules);
void               cr_rules_free                 (CrRules           *rules);
gboolean           cr_rules_set                  (CrRules           *rules,
                                                  const char        *key,
                                                  const char        *value,
                                                  GError           **error);
char              *cr_rules_get_string           (const CrRules     *rules,
                                                  const char        *key);
gboolean           cr_rules_has                  (const CrRules     *rules,
                                                  CrRuleKey          key);
guint              cr_rules_get_value            (const CrRules     *rules,
                                                  CrRuleKey          key);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrRules, cr_rules_free)

CrCheckInput      *cr_check_input_new            (gint64             group_id,
                                                  const char        *group_name);
void               cr_check_input_free           (CrCheckInput      *input);
guint              cr_check_input_add_member     (CrCheckInput      *input,
                                                  gint64             person_id,
                                                  const char        *name);
void               cr_check_input_add_membership (CrCheckInput      *input,
                                                  guint              member,
                                                  gboolean           voting,
                                                  const char        *start,
                                                  const char        *end);
void               cr_check_input_add_office     (CrCheckInput      *input,
                                                  guint              member,
                                                  const char        *role,
                                                  const char        *start,
                                                  const char        *end);
void               cr_check_input_add_bar        (CrCheckInput      *input,
                                                  guint              member,
                                                  const char        *start,
                                                  const char        *end);
guint              cr_check_input_add_meeting    (CrCheckInput      *input,
                                                  gint64             id,
                                                  const char        *date,
                                                  CrMeetingKind      kind,
                                                  CrMeetingStatus    status,
                                                  const char        *papers_sent_on,
                                                  const char        *minutes_circulated_on);
void               cr_check_input_set_meeting_rules (CrCheckInput   *input,
                                                  guint              meeting,
                                                  const CrRules     *rules);
void               cr_check_input_add_agenda_item (CrCheckInput     *input,
                                                  guint              meeting,
                                                  const char        *title,
                                                  const char        *proposed_on);
void               cr_check_input_add_mark       (CrCheckInput      *input,
                                                  guint              member,
                                                  guint              meeting,
                                                  CrAttendanceMark   mark,
                                                  CrAttendeeRole     role);
void               cr_check_input_add_action     (CrCheckInput      *input,
                                                  gint64             id,
                                                  const char        *description,
                                                  const char        *owner,
                                                  const char        *due_date,
                                                  const char        *meeting_date);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrCheckInput, cr_check_input_free)

void               cr_attention_item_free        (CrAttentionItem   *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrAttentionItem, cr_attention_item_free)
const char        *cr_attention_subject_kind_to_string (CrAttentionSubjectKind kind);

gboolean           cr_rules_meeting_deadlines    (const CrRules     *rules,
                                                  const char        *date,
                                                  gboolean           agm,
                                                  char             **papers_by,
                                                  char             **agenda_by,
                                                  char             **notice_by);

GPtrArray         *cr_rules_check                (const CrRules     *rules,
                                                  const CrCheckInput *input,
                                                  const char        *on_date);

G_END_DECLS
