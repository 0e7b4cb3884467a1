/* cr-report-register.c: a group's attendance register, from the file to
 * a workbook
 *
 * Feeds the store's register cursor (cr-store-attendance.h) straight into
 * cr_report_attendance(), a row at a time, so the million-mark register of
 * a large federation is never in memory. The quorum of each meeting is
 * counted by the cursor as the rows pass and is final only after the
 * last: the row function copies it into the meetings the report was given
 * when the cursor runs out, which is before the report writes its
 * "Quorate" row below the members (cr-report-attendance.c writes the
 * totals after the last row, since in constant-memory mode it can't go
 * back).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-report"

#include "config.h"

#include "cr-report-register.h"

#include "cr-date.h"
#include "cr-report-attendance.h"
#include "cr-store-attendance.h"
#include "cr-xlsx.h"

#include <glib/gi18n-lib.h>

typedef struct
{
  CrAttendanceCursor  *cursor;
  CrAttendanceMeeting *meetings;
} Rows;

static CrAttendanceQuorate
quorate_of (CrQuorate quorate)
{
  switch (quorate)
    {
    case CR_QUORATE_YES:
      return CR_ATTENDANCE_QUORATE_YES;
    case CR_QUORATE_NO:
      return CR_ATTENDANCE_QUORATE_NO;
    case CR_QUORATE_UNKNOWN:
    default:
      return CR_ATTENDANCE_QUORATE_UNKNOWN;
    }
}

static gboolean
next_row (gpointer       user_data,
          const char   **name,
          const guint8 **marks,
          GError       **error)
{
  Rows *rows = user_data;
  GError *local = NULL;
  guint n;

  if (cr_attendance_cursor_next (rows->cursor, name, marks, &local))
    return TRUE;
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }

  /* The last row is out: the quorum counts are complete. */
  n = cr_attendance_cursor_get_n_meetings (rows->cursor);
  for (guint i = 0; i < n; i++)
    rows->meetings[i].quorate =
      quorate_of (cr_attendance_cursor_get_meeting (rows->cursor, i)->quorate);
  return FALSE;
}

/**
 * cr_report_group_attendance:
 * @store: the association file
 * @path: where to write the .xlsx; an existing file is replaced only once
 *   the new one is complete
 * @group_id: the group
 * @group_name: (nullable): its name, for the title
 * @from: (nullable): ISO date of the first meeting to include
 * @to: (nullable): ISO date of the last meeting to include
 * @n_rows: (out) (optional): how many members the register lists
 * @n_meetings: (out) (optional): how many meetings it has
 * @error: return location for a #CR_STORE_ERROR or a #CR_XLSX_ERROR
 *
 * Writes the group's attendance register over the period, in the house
 * format, with the same letters the import reads.
 *
 * Returns: %TRUE if the report was saved
 */
gboolean
cr_report_group_attendance (CrStore     *store,
                            const char  *path,
                            gint64       group_id,
                            const char  *group_name,
                            const char  *from,
                            const char  *to,
                            guint       *n_rows,
                            guint       *n_meetings,
                            GError     **error)
{
  g_autoptr (CrAttendanceCursor) cursor = NULL;
  g_autofree CrAttendanceMeeting *meetings = NULL;
  g_autofree char *period = NULL;
  CrAttendanceReportInfo info = { 0 };
  Rows rows;
  guint n;

  g_return_val_if_fail (CR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (group_id > 0, FALSE);

  cursor = cr_store_open_attendance (store, group_id, from, to, error);
  if (cursor == NULL)
    return FALSE;

  n = cr_attendance_cursor_get_n_meetings (cursor);
  meetings = g_new0 (CrAttendanceMeeting, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    meetings[i].date = cr_attendance_cursor_get_meeting (cursor, i)->date;

  period = cr_xlsx_describe_period (from, to);
  info.association = cr_store_get_association_name (store);
  info.group = group_name;
  info.period = period;
  info.source_file = cr_store_get_path (store);

  rows.cursor = cursor;
  rows.meetings = meetings;
  if (!cr_report_attendance (path, &info, meetings, n, next_row, &rows, error))
    return FALSE;
  if (n_rows != NULL)
    *n_rows = cr_attendance_cursor_get_n_rows (cursor);
  if (n_meetings != NULL)
    *n_meetings = n;
  return TRUE;
}
