/* cr-report-attendance.h: the attendance register for the council
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-attendance-matrix.h"

G_BEGIN_DECLS

/* Whether a meeting had its quorum, as the totals block shows it. */
typedef enum
{
  CR_ATTENDANCE_QUORATE_UNKNOWN = 0,  /* a blank cell */
  CR_ATTENDANCE_QUORATE_YES,
  CR_ATTENDANCE_QUORATE_NO,
} CrAttendanceQuorate;

/* One column of the register. */
typedef struct
{
  const char          *date;     /* ISO `YYYY-MM-DD` */
  CrAttendanceQuorate  quorate;
} CrAttendanceMeeting;

/* What the title rows and the "About" sheet say; every field may be NULL. */
typedef struct
{
  const char *association;  /* "Ashbourne Vale TRA" */
  const char *group;        /* the title names the group when given */
  const char *period;       /* "1 April 2026 to 31 March 2027" */
  const char *source_file;  /* the .commonroom file, for "About" */
} CrAttendanceReportInfo;

/**
 * CrAttendanceRowFunc:
 * @user_data: as given to cr_report_attendance()
 * @name: (out) (transfer none): the member's name
 * @marks: (out) (transfer none) (array): one #CrAttendanceMark a meeting,
 *   in the order of the meetings
 * @error: where to say why the rows could not be read
 *
 * Hands the report the next member's row. @name and @marks need only stay
 * valid until the next call.
 *
 * Returns: %TRUE with a row; %FALSE after the last row, or with @error set
 *   if the rows could not be read
 */
typedef gboolean (*CrAttendanceRowFunc) (gpointer       user_data,
                                         const char   **name,
                                         const guint8 **marks,
                                         GError       **error);

gboolean cr_report_attendance        (const char                    *path,
                                      const CrAttendanceReportInfo  *info,
                                      const CrAttendanceMeeting     *meetings,
                                      guint                          n_meetings,
                                      CrAttendanceRowFunc            next_row,
                                      gpointer                       user_data,
                                      GError                       **error);
gboolean cr_report_attendance_matrix (const char                    *path,
                                      const CrAttendanceReportInfo  *info,
                                      CrAttendanceMatrix            *matrix,
                                      const CrAttendanceQuorate     *quorate,
                                      GError                       **error);

G_END_DECLS
