/* cr-store-overview.h: what the Overview page shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-store.h"

G_BEGIN_DECLS

/* The next meeting and what its rules ask to be done before it. */
typedef struct
{
  gint64 id;
  gint64 group_id;
  char  *group_name;
  char  *date;           /* ISO */
  char  *start_time;     /* "HH:MM" or NULL */
  char  *venue;          /* or NULL */
  char  *kind;           /* "ordinary", "agm" … */
  char  *papers_by;      /* ISO, or NULL if no rule says */
  char  *agenda_by;      /* ISO, or NULL */
  char  *notice_by;      /* ISO, an AGM's notice to residents, or NULL */
  char  *papers_sent_on; /* ISO, or NULL: not yet */
} CrNextMeeting;

/* A decision of a held meeting. */
typedef struct
{
  gint64   meeting_id;
  char    *meeting_date; /* ISO */
  char    *group_name;
  char    *item; /* the agenda item's title */
  char    *text;
  char    *outcome; /* "carried", "defeated", "tied", "consensus" */
  gboolean quorate;
} CrRecentDecision;

/* An action not yet done or dropped. */
typedef struct
{
  gint64 id;
  gint64 meeting_id;
  char  *group_name;
  char  *description;
  gint64 owner_person_id; /* 0: an officer, organisation or no one */
  char  *owner;           /* a name, or NULL */
  char  *due_date;        /* ISO, or NULL */
  char  *status;          /* "open" or "in-progress" */
} CrOpenAction;

void cr_next_meeting_free (CrNextMeeting *meeting);
void cr_recent_decision_free (CrRecentDecision *decision);
void cr_open_action_free (CrOpenAction *action);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrNextMeeting, cr_next_meeting_free)

CrNextMeeting *cr_store_get_next_meeting (CrStore    *self,
                                          gint64      group_id,
                                          const char *on_date,
                                          GError    **error);
GPtrArray     *cr_store_list_recent_decisions (CrStore    *self,
                                               gint64      group_id,
                                               const char *on_date,
                                               guint       limit,
                                               GError    **error);
GPtrArray     *cr_store_list_open_actions (CrStore *self,
                                           gint64   group_id,
                                           guint    limit,
                                           GError **error);

G_END_DECLS
