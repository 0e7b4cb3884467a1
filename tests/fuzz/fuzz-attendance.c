/* fuzz-attendance.c: libFuzzer target for the attendance register importer
 *
 * Any bytes read as a register matrix: a matrix whose marks are all valid
 * and whose tallies add up, or problems each with a sentence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-attendance-matrix.h"

#include <stdint.h>

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrCsv) csv = cr_csv_parse (bytes, &error);
  g_autoptr (CrAttendanceMatrix) matrix = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char              *text = NULL;
  g_autofree CrAttendanceTally *meetings = NULL;
  g_autofree CrAttendanceTally *people = NULL;
  guint                         n_dates, n_people;
  guint                         total_rows = 0, total_columns = 0;

  if (csv == NULL)
    return 0;

  matrix = cr_attendance_matrix_parse (csv, &problems);
  if (problems == NULL)
    __builtin_trap ();
  text = cr_attendance_describe_problems (problems, "fuzz.csv", 20);
  if (matrix == NULL)
    return 0;

  n_dates = cr_attendance_matrix_get_n_dates (matrix);
  n_people = cr_attendance_matrix_get_n_people (matrix);
  for (guint c = 0; c < n_dates; c++)
    if (cr_attendance_matrix_get_date (matrix, c) == NULL)
      __builtin_trap ();
  for (guint p = 0; p < n_people; p++)
    {
      (void) cr_attendance_matrix_get_name (matrix, p);
      for (guint c = 0; c < n_dates; c++)
        if (cr_attendance_matrix_get_mark (matrix, p, c) >=
            CR_ATTENDANCE_N_MARKS)
          __builtin_trap ();
    }

  /* The same marks counted by meeting and by person must agree. */
  meetings = cr_attendance_matrix_tally_meetings (matrix);
  people = cr_attendance_matrix_tally_people (matrix);
  for (guint c = 0; meetings != NULL && c < n_dates; c++)
    total_columns += cr_attendance_tally_get_member_of (&meetings[c]);
  for (guint p = 0; people != NULL && p < n_people; p++)
    total_rows += cr_attendance_tally_get_member_of (&people[p]);
  if (meetings != NULL && people != NULL && total_rows != total_columns)
    __builtin_trap ();
  if (!cr_attendance_matrix_equal (matrix, matrix))
    __builtin_trap ();
  return 0;
}
