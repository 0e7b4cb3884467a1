/* cr-store-attendance.h: a group's attendance register, read as a stream
 * and written from a register matrix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-attendance-matrix.h"
#include "cr-meeting.h"
#include "cr-store.h"

G_BEGIN_DECLS

/* One column of the register: a held meeting of the group. The quorum
 * figures are counted as the rows go by (see
 * cr_attendance_cursor_next()), and are final only once it has returned
 * %FALSE. */
typedef struct
{
  gint64     id;
  char      *date;             /* ISO */
  guint      n_marks;          /* every mark recorded, guests too */
  CrQuorate  quorate;          /* UNKNOWN until the rows are all read */
  guint      quorum_required;
  guint      voting_members;
  guint      voting_present;
} CrRegisterMeeting;

typedef struct _CrAttendanceCursor CrAttendanceCursor;

/* What cr_store_import_attendance() did, or would do. */
typedef struct
{
  guint meetings_created;
  guint people_created;
  guint memberships_added;
  guint marks_written;
  guint failed_line;   /* on failure, the file line of the row refused,
                        * or 0 if the refusal was not about one row */
} CrAttendanceImportCounts;

CrAttendanceCursor      *cr_store_open_attendance      (CrStore            *self,
                                                        gint64              group_id,
                                                        const char         *from,
                                                        const char         *to,
                                                        GError            **error);
guint                    cr_attendance_cursor_get_n_meetings (CrAttendanceCursor *cursor);
const CrRegisterMeeting *cr_attendance_cursor_get_meeting    (CrAttendanceCursor *cursor,
                                                              guint               column);
gboolean                 cr_attendance_cursor_next     (CrAttendanceCursor *cursor,
                                                        const char        **name,
                                                        const guint8      **marks,
                                                        GError            **error);
guint                    cr_attendance_cursor_get_n_rows (CrAttendanceCursor *cursor);
void                     cr_attendance_cursor_free     (CrAttendanceCursor *cursor);

char                    *cr_register_name              (const char         *given_name,
                                                        const char         *family_name);

gboolean                 cr_store_import_attendance    (CrStore                  *self,
                                                        gint64                    group_id,
                                                        CrAttendanceMatrix       *matrix,
                                                        gboolean                  dry_run,
                                                        CrAttendanceImportCounts *counts,
                                                        GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrAttendanceCursor, cr_attendance_cursor_free)

G_END_DECLS
