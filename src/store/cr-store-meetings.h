/* cr-store-meetings.h: meetings, agendas, attendance, quorum, decisions and
 * actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-meeting.h"
#include "cr-store-people.h"
#include "cr-store.h"

G_BEGIN_DECLS

/* Someone a meeting expects: a member of its group on its date. */
typedef struct
{
  gint64            person_id;
  char             *given_name;
  char             *family_name;
  char             *name;             /* as spoken: "Given Family" */
  CrMembershipKind  membership_kind;  /* voting if any membership is */
  gboolean          voting;
  const char       *sanction;         /* "suspension", "exclusion" or NULL
                                       * on the meeting's date */
  CrAttendanceMark  mark;             /* CR_ATTENDANCE_NONE: not marked */
  CrAttendeeRole    role;             /* as marked */
} CrExpectedAttendee;

/* One mark as recorded, members, guests and officers alike. */
typedef struct
{
  gint64            person_id;
  char             *name;
  char             *family_name;
  CrAttendanceMark  mark;
  CrAttendeeRole    role;
} CrAttendanceRecord;

/* Which actions the log lists. */
typedef enum
{
  CR_ACTIONS_ALL = 0,
  CR_ACTIONS_OPEN,    /* open or in progress */
  CR_ACTIONS_CLOSED,  /* done or dropped */
} CrActionFilter;

void        cr_expected_attendee_free   (CrExpectedAttendee *attendee);
void        cr_attendance_record_free   (CrAttendanceRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrExpectedAttendee, cr_expected_attendee_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrAttendanceRecord, cr_attendance_record_free)

/* Meetings */
gint64      cr_store_add_meeting        (CrStore            *self,
                                         const CrMeeting    *meeting,
                                         GError            **error);
gboolean    cr_store_update_meeting     (CrStore            *self,
                                         const CrMeeting    *meeting,
                                         GError            **error);
CrMeeting  *cr_store_get_meeting        (CrStore            *self,
                                         gint64              meeting_id,
                                         GError            **error);
gboolean    cr_store_delete_meeting     (CrStore            *self,
                                         gint64              meeting_id,
                                         GError            **error);
GPtrArray  *cr_store_list_meetings      (CrStore            *self,
                                         gint64              group_id,
                                         GError            **error);
GPtrArray  *cr_store_list_meetings_brief (CrStore            *self,
                                         gint64              group_id,
                                         GError            **error);
GArray     *cr_store_list_meeting_ids   (CrStore            *self,
                                         gint64              group_id,
                                         GError            **error);
gboolean    cr_store_set_group_quorum   (CrStore            *self,
                                         gint64              group_id,
                                         const char         *rule,
                                         GError            **error);
char       *cr_store_get_quorum_in_force (CrStore          *self,
                                         gint64             group_id,
                                         const char        *date,
                                         GError           **error);
char       *cr_store_get_group_quorum   (CrStore            *self,
                                         gint64              group_id,
                                         GError            **error);

/* Agendas */
gint64      cr_store_add_agenda_item    (CrStore            *self,
                                         const CrAgendaItem *item,
                                         GError            **error);
gboolean    cr_store_update_agenda_item (CrStore            *self,
                                         const CrAgendaItem *item,
                                         GError            **error);
gboolean    cr_store_move_agenda_item   (CrStore            *self,
                                         gint64              item_id,
                                         int                 direction,
                                         GError            **error);
gboolean    cr_store_delete_agenda_item (CrStore            *self,
                                         gint64              item_id,
                                         GError            **error);
GPtrArray  *cr_store_list_agenda        (CrStore            *self,
                                         gint64              meeting_id,
                                         GError            **error);
gboolean    cr_store_copy_standing_items (CrStore           *self,
                                          gint64             meeting_id,
                                          guint             *n_copied,
                                          GError           **error);

/* Attendance and quorum */
gboolean    cr_store_set_attendance     (CrStore            *self,
                                         gint64              meeting_id,
                                         gint64              person_id,
                                         CrAttendanceMark    mark,
                                         CrAttendeeRole      role,
                                         GError            **error);
gboolean    cr_store_clear_attendance   (CrStore            *self,
                                         gint64              meeting_id,
                                         gint64              person_id,
                                         GError            **error);
GPtrArray  *cr_store_list_expected      (CrStore            *self,
                                         gint64              meeting_id,
                                         GError            **error);
GHashTable *cr_store_get_meeting_offices (CrStore           *self,
                                          gint64             meeting_id,
                                          GError           **error);
GPtrArray  *cr_store_list_attendance    (CrStore            *self,
                                         gint64              meeting_id,
                                         GError            **error);
gboolean    cr_store_count_voting       (CrStore            *self,
                                         gint64              meeting_id,
                                         guint              *voting_members,
                                         guint              *voting_present,
                                         GError            **error);
gboolean    cr_store_get_meeting_quorum (CrStore            *self,
                                         gint64              meeting_id,
                                         guint              *required,
                                         guint              *present,
                                         gboolean           *met,
                                         GError            **error);

/* Decisions */
gint64      cr_store_add_decision       (CrStore            *self,
                                         CrDecision         *decision,
                                         gboolean            chair_has_casting_vote,
                                         GError            **error);
gboolean    cr_store_update_decision    (CrStore            *self,
                                         CrDecision         *decision,
                                         gboolean            chair_has_casting_vote,
                                         GError            **error);
gboolean    cr_store_delete_decision    (CrStore            *self,
                                         gint64              decision_id,
                                         GError            **error);
GPtrArray  *cr_store_list_decisions     (CrStore            *self,
                                         gint64              item_id,
                                         GError            **error);

/* Actions */
gint64      cr_store_add_action         (CrStore            *self,
                                         const CrAction     *action,
                                         GError            **error);
gboolean    cr_store_update_action      (CrStore            *self,
                                         gint64              action_id,
                                         CrActionStatus      status,
                                         const char         *outcome,
                                         const char         *done_on,
                                         GError            **error);
GPtrArray  *cr_store_list_actions       (CrStore            *self,
                                         gint64              meeting_id,
                                         GError            **error);
GPtrArray  *cr_store_list_action_log    (CrStore            *self,
                                         CrActionFilter      filter,
                                         gint64              group_id,
                                         GError            **error);

G_END_DECLS
