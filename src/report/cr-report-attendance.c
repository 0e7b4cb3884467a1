/* cr-report-attendance.c: the attendance register for the council
 *
 * The register as a grid in the house format (cr-xlsx.h): a member a row,
 * their name first, then one column a meeting headed by its date as text
 * (dd/mm/yyyy), each cell the letter the import reads (P present, A
 * apologies, X absent, empty when they were not a member then), and last
 * the share of the meetings they were a member for that they attended.
 * Below the members, totals: how many were present, sent apologies and
 * were absent at each meeting, as COUNTIF formulas carrying their values,
 * and whether the meeting was quorate.
 *
 * The rows are pulled one at a time from the caller and streamed to disk,
 * and only one count a meeting is kept, so a register of a million marks
 * costs no more memory than one of a hundred. Saved as CSV and imported
 * again (cr-attendance-matrix.c), it gives the same register: the import
 * passes over the title rows, the Attended column and the totals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cr-report"

#include "config.h"

#include "cr-report-attendance.h"

#include "cr-date.h"
#include "cr-xlsx.h"

#include <glib/gi18n-lib.h>

/* Wide enough for "22/11/2026" in the bold header. */
#define MEETING_WIDTH 11.0

static const char *
quorate_text (CrAttendanceQuorate quorate)
{
  switch (quorate)
    {
    case CR_ATTENDANCE_QUORATE_YES:
      return _("Yes");
    case CR_ATTENDANCE_QUORATE_NO:
      return _("No");
    case CR_ATTENDANCE_QUORATE_UNKNOWN:
    default:
      return NULL;
    }
}

/* Writes one member's row, counting its marks into @tallies. */
static gboolean
write_row (CrXlsxSheet       *sheet,
           const char        *name,
           const guint8      *marks,
           guint              n_meetings,
           CrAttendanceTally *tallies)
{
  CrAttendanceTally own = { 0 };

  cr_xlsx_sheet_add_text (sheet, name);
  for (guint i = 0; i < n_meetings; i++)
    {
      guint8 mark = marks[i];

      switch (mark)
        {
        case CR_ATTENDANCE_PRESENT:
          tallies[i].present++;
          own.present++;
          break;
        case CR_ATTENDANCE_APOLOGIES:
          tallies[i].apologies++;
          own.apologies++;
          break;
        case CR_ATTENDANCE_ABSENT:
          tallies[i].absent++;
          own.absent++;
          break;
        case CR_ATTENDANCE_NONE:
          cr_xlsx_sheet_add_blank (sheet);
          continue;
        default:
          g_critical ("Mark %u of “%s” is not a CrAttendanceMark", i, name);
          cr_xlsx_sheet_add_blank (sheet);
          continue;
        }
      cr_xlsx_sheet_add_text (sheet, cr_attendance_mark_to_letter (mark));
    }
  /* Blank for someone who was a member for none of these meetings. */
  cr_xlsx_sheet_add_percent (sheet, own.present,
                             cr_attendance_tally_get_member_of (&own));
  return cr_xlsx_sheet_end_row (sheet);
}

static void
write_totals (CrXlsxSheet               *sheet,
              const CrAttendanceMeeting *meetings,
              guint                      n_meetings,
              const CrAttendanceTally   *tallies)
{
  static const CrAttendanceMark counted[] = {
    CR_ATTENDANCE_PRESENT, CR_ATTENDANCE_APOLOGIES, CR_ATTENDANCE_ABSENT,
  };

  for (guint k = 0; k < G_N_ELEMENTS (counted); k++)
    {
      CrAttendanceMark mark = counted[k];
      const char *letter = cr_attendance_mark_to_letter (mark);

      cr_xlsx_sheet_begin_totals (sheet, cr_attendance_mark_get_label (mark));
      for (guint i = 0; i < n_meetings; i++)
        {
          guint count = mark == CR_ATTENDANCE_PRESENT ? tallies[i].present :
                        mark == CR_ATTENDANCE_APOLOGIES ? tallies[i].apologies :
                        tallies[i].absent;

          cr_xlsx_sheet_add_count_if (sheet, letter, count);
        }
      cr_xlsx_sheet_add_blank (sheet);
      cr_xlsx_sheet_end_row (sheet);
    }

  cr_xlsx_sheet_begin_totals (sheet, _("Quorate"));
  for (guint i = 0; i < n_meetings; i++)
    cr_xlsx_sheet_add_text (sheet, quorate_text (meetings[i].quorate));
  cr_xlsx_sheet_add_blank (sheet);
  cr_xlsx_sheet_end_row (sheet);
}

/**
 * cr_report_attendance:
 * @path: where to write the .xlsx; an existing file is replaced only once
 *   the new one is complete
 * @info: (nullable): what the title rows and the "About" sheet say
 * @meetings: (array length=n_meetings): the meetings, one column each, in
 *   order
 * @n_meetings: how many
 * @next_row: called for each member's row in turn until it returns %FALSE
 * @user_data: for @next_row
 * @error: return location for a #CR_XLSX_ERROR, or the error @next_row
 *   set
 *
 * Writes the attendance register in the house format. Each row is written
 * as soon as @next_row hands it over and never kept. If @next_row fails,
 * or the workbook can't be written, nothing is saved at @path.
 *
 * Returns: %TRUE if the report was saved
 */
gboolean
cr_report_attendance (const char                    *path,
                      const CrAttendanceReportInfo  *info,
                      const CrAttendanceMeeting     *meetings,
                      guint                          n_meetings,
                      CrAttendanceRowFunc            next_row,
                      gpointer                       user_data,
                      GError                       **error)
{
  const CrAttendanceReportInfo no_info = { 0 };
  g_autoptr (CrXlsx) xlsx = NULL;
  g_autoptr (GPtrArray) titles = NULL;
  g_autofree CrXlsxColumn *columns = NULL;
  g_autofree CrAttendanceTally *tallies = NULL;
  g_autofree char *title = NULL;
  g_autoptr (GError) row_error = NULL;
  CrXlsxSheet *sheet;
  const char *name;
  const guint8 *marks;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (meetings != NULL || n_meetings == 0, FALSE);
  g_return_val_if_fail (n_meetings + 2 <= CR_XLSX_MAX_COLUMNS, FALSE);
  g_return_val_if_fail (next_row != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (info == NULL)
    info = &no_info;

  titles = g_ptr_array_new_with_free_func (g_free);
  columns = g_new0 (CrXlsxColumn, n_meetings + 2);
  columns[0] = (CrXlsxColumn) { _("Name"), CR_XLSX_TEXT, 0 };
  for (guint i = 0; i < n_meetings; i++)
    {
      /* Text, not a date cell: a spreadsheet saved as CSV then writes the
       * heading exactly as the import reads it. */
      char *uk = cr_date_iso_to_uk (meetings[i].date);

      g_ptr_array_add (titles, uk);
      columns[i + 1] = (CrXlsxColumn) { uk, CR_XLSX_TEXT, MEETING_WIDTH };
    }
  columns[n_meetings + 1] = (CrXlsxColumn) { _("Attended (%)"),
                                             CR_XLSX_PERCENT, 0 };

  if (info->group != NULL || info->association != NULL)
    /* Translators: "Ashbourne Vale TRA: attendance register" */
    title = g_strdup_printf (_("%s: attendance register"),
                             info->group != NULL ? info->group
                                                 : info->association);
  else
    title = g_strdup (_("Attendance register"));

  xlsx = cr_xlsx_new (path, info->association, _("Attendance register"),
                      error);
  if (xlsx == NULL)
    return FALSE;
  sheet = cr_xlsx_add_sheet (xlsx, _("Attendance"), title, info->period,
                             columns, n_meetings + 2);

  tallies = g_new0 (CrAttendanceTally, MAX (n_meetings, 1));
  while (next_row (user_data, &name, &marks, &row_error))
    {
      g_return_val_if_fail (name != NULL, FALSE);
      g_return_val_if_fail (marks != NULL || n_meetings == 0, FALSE);

      /* FALSE once the workbook has failed (a full disk): stop reading. */
      if (!write_row (sheet, name, marks, n_meetings, tallies))
        break;
    }
  if (row_error != NULL)
    {
      /* Freeing the unfinished workbook removes its temporary file. */
      g_propagate_error (error, g_steal_pointer (&row_error));
      return FALSE;
    }

  write_totals (sheet, meetings, n_meetings, tallies);
  return cr_xlsx_close (xlsx, info->source_file, error);
}

typedef struct
{
  CrAttendanceMatrix *matrix;
  guint               next;
} MatrixRows;

static gboolean
next_matrix_row (gpointer       user_data,
                 const char   **name,
                 const guint8 **marks,
                 GError       **error)
{
  MatrixRows *rows = user_data;

  if (rows->next >= cr_attendance_matrix_get_n_people (rows->matrix))
    return FALSE;
  *name = cr_attendance_matrix_get_name (rows->matrix, rows->next);
  *marks = cr_attendance_matrix_get_marks (rows->matrix, rows->next);
  rows->next++;
  return TRUE;
}

/**
 * cr_report_attendance_matrix:
 * @path: where to write the .xlsx
 * @info: (nullable): what the title rows and the "About" sheet say
 * @matrix: the register
 * @quorate: (array) (nullable): whether each of @matrix's meetings was
 *   quorate, in its order; %NULL if not known
 * @error: return location for a #CR_XLSX_ERROR
 *
 * Writes a register already in memory, as cr_report_attendance() does.
 *
 * Returns: %TRUE if the report was saved
 */
gboolean
cr_report_attendance_matrix (const char                    *path,
                             const CrAttendanceReportInfo  *info,
                             CrAttendanceMatrix            *matrix,
                             const CrAttendanceQuorate     *quorate,
                             GError                       **error)
{
  g_autofree CrAttendanceMeeting *meetings = NULL;
  MatrixRows rows = { matrix, 0 };
  guint n;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (matrix != NULL, FALSE);

  n = cr_attendance_matrix_get_n_dates (matrix);
  meetings = g_new0 (CrAttendanceMeeting, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      meetings[i].date = cr_attendance_matrix_get_date (matrix, i);
      meetings[i].quorate = quorate != NULL ? quorate[i]
                                            : CR_ATTENDANCE_QUORATE_UNKNOWN;
    }
  return cr_report_attendance (path, info, meetings, n, next_matrix_row,
                               &rows, error);
}
