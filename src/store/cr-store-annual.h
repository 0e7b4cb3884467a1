/* cr-store-annual.h: the figures of one year (or any period) for the
 * council pack
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-meeting.h"
#include "cr-store.h"

G_BEGIN_DECLS

/* An office held on the day the pack lists officers for. */
typedef struct
{
  char  *role;
  char  *name;
  gint64 person_id;
  char  *since; /* ISO */
} CrAnnualOfficer;

/* Membership figures of one tenure or one group over the period.
 *
 * at_start: members on the first day who had joined before it;
 * at_end: members on the last day who stay on after it;
 * joined: people whose first membership began in the period;
 * left: people whose last membership ended in the period.
 * So at_start + joined - left = at_end for anyone without a break. */
typedef struct
{
  char  *label;    /* a tenure's label or a group's name */
  gint64 group_id; /* groups only */
  guint  at_start;
  guint  at_end;
  guint  joined;
  guint  left;
  /* groups only: meetings held in the period */
  guint meetings_held;
  guint meetings_quorate;
  guint voting_expected; /* the sum over its marked meetings */
  guint voting_present;
} CrAnnualCount;

/* A held meeting of the period, judged by the rules in force on its date. */
typedef struct
{
  gint64        id;
  gint64        group_id;
  char         *group_name;
  char         *date; /* ISO */
  CrMeetingKind kind;
  guint         voting_members;
  guint         voting_present;
  guint         quorum_required; /* 0: the rules set no quorum */
  CrQuorate     quorate;         /* UNKNOWN: no attendance taken */
  guint         others_present;  /* guests and officers */
} CrAnnualMeeting;

typedef struct
{
  gint64           meeting_id;
  char            *date; /* the meeting's, ISO */
  char            *group_name;
  char            *item;
  char            *text;
  CrDecisionMethod method;
  guint            votes_for;
  guint            votes_against;
  guint            votes_abstain;
  CrVoteOutcome    outcome;
  gboolean         quorate_at_time;
} CrAnnualDecision;

typedef struct
{
  char *date;    /* the month's last day within the period, ISO */
  guint members; /* people in at least one group who stay on after it */
} CrAnnualMonth;

/* Money in and out of one category in the period, both as positive
 * pence. */
typedef struct
{
  char  *category;
  gint64 money_in;
  gint64 money_out;
} CrAnnualCategory;

/* A grant awarded, with what was spent of it by the period's end. */
typedef struct
{
  char    *name;
  char    *funder;
  char    *status; /* its label: "Awarded", "Closed" */
  char    *awarded_on;
  gint64   awarded;
  gint64   spent;
  gboolean over; /* spent more than awarded, or a budget line over */
} CrAnnualGrant;

typedef struct
{
  char  *name;
  gint64 at_start;
  gint64 money_in;
  gint64 money_out;
  gint64 at_end;
} CrAnnualAccount;

/* A group's members on the last day against its training threshold. */
typedef struct
{
  gint64 group_id;
  char  *group_name;
  guint  threshold; /* percent; 0: the group sets none */
  guint  members;
  guint  met;         /* members who meet it (0 with no threshold) */
  guint  percent_sum; /* of each member's completion, for an average */
} CrAnnualTraining;

typedef struct
{
  char  *association;
  char  *from; /* ISO, first day */
  char  *to;   /* ISO, last day */
  gint64 association_group;

  char      *officers_on;   /* ISO: the day officers are listed for */
  GPtrArray *officers;      /* of CrAnnualOfficer, the association's */
  guint      offices_taken; /* association offices begun in period */

  guint terms_version;    /* in force on the last day; 0: none */
  char *terms_adopted_on; /* ISO, or NULL */

  GPtrArray *agms;               /* of char *, ISO: held in the period */
  char      *previous_agm;       /* the last one before, or NULL */
  guint      agm_max_months;     /* the rule; 0 when not set */
  guint      training_threshold; /* percent; 0 when not set */

  guint      members_at_start;
  guint      members_at_end;
  guint      joined;
  guint      left;
  GPtrArray *tenures; /* of CrAnnualCount, tenant first */
  GPtrArray *groups;  /* of CrAnnualCount, association first */
  GPtrArray *months;  /* of CrAnnualMonth */

  GPtrArray *meetings;               /* of CrAnnualMeeting, by date */
  GPtrArray *decisions;              /* of CrAnnualDecision, by date */
  GPtrArray *actions;                /* of CrAction raised in the period */
  guint      actions_done;           /* of those, done */
  guint      actions_done_in_period; /* any action done in the period */

  /* Money, from the treasurer's records (cr-store-money.h). */
  GPtrArray *categories;   /* of CrAnnualCategory, by name */
  GPtrArray *grants;       /* of CrAnnualGrant */
  GPtrArray *accounts;     /* of CrAnnualAccount */
  char      *reports_by;   /* ISO: the last day, or today if sooner */
  guint      reports_due;  /* grant reports due by then */
  guint      reports_late; /* of those, not submitted by then */

  /* Training (cr-store-training.h): one row a group with members. */
  GPtrArray *training; /* of CrAnnualTraining */
} CrAnnual;

void cr_annual_free (CrAnnual *annual);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrAnnual, cr_annual_free)

CrAnnual *cr_store_get_annual (CrStore    *self,
                               const char *from,
                               const char *to,
                               GError    **error);

guint cr_annual_count_quorate (const CrAnnual *annual, guint *n_judged);
guint cr_annual_months_between (const char *earlier, const char *later);

G_END_DECLS
