/* cr-attendance-matrix.h: the attendance register as a grid of marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cr-csv.h"
#include "cr-member-import.h"

G_BEGIN_DECLS

/* One cell of the register. Stored as one guint8 each. */
typedef enum
{
  CR_ATTENDANCE_NONE = 0,   /* empty: not a member at that meeting */
  CR_ATTENDANCE_PRESENT,    /* P */
  CR_ATTENDANCE_APOLOGIES,  /* A: absent, with apologies */
  CR_ATTENDANCE_ABSENT,     /* X: absent, without apologies */
  CR_ATTENDANCE_N_MARKS
} CrAttendanceMark;

/* Counts of marks: one member's row, or one meeting's column. */
typedef struct
{
  guint present;
  guint apologies;
  guint absent;
} CrAttendanceTally;

typedef struct _CrAttendanceMatrix CrAttendanceMatrix;

const char         *cr_attendance_mark_to_letter     (CrAttendanceMark     mark);
const char         *cr_attendance_mark_get_label     (CrAttendanceMark     mark);
gboolean            cr_attendance_mark_parse         (const char          *text,
                                                      CrAttendanceMark    *mark);

CrAttendanceMatrix *cr_attendance_matrix_new         (const char * const  *dates,
                                                      guint                n_dates);
void                cr_attendance_matrix_free        (CrAttendanceMatrix  *self);
void                cr_attendance_matrix_add_person  (CrAttendanceMatrix  *self,
                                                      const char          *name,
                                                      const guint8        *marks,
                                                      guint                line);

guint               cr_attendance_matrix_get_n_dates (CrAttendanceMatrix  *self);
const char         *cr_attendance_matrix_get_date    (CrAttendanceMatrix  *self,
                                                      guint                column);
guint               cr_attendance_matrix_get_n_people (CrAttendanceMatrix *self);
const char         *cr_attendance_matrix_get_name    (CrAttendanceMatrix  *self,
                                                      guint                person);
guint               cr_attendance_matrix_get_line    (CrAttendanceMatrix  *self,
                                                      guint                person);
const guint8       *cr_attendance_matrix_get_marks   (CrAttendanceMatrix  *self,
                                                      guint                person);
CrAttendanceMark    cr_attendance_matrix_get_mark    (CrAttendanceMatrix  *self,
                                                      guint                person,
                                                      guint                column);
gboolean            cr_attendance_matrix_equal       (CrAttendanceMatrix  *a,
                                                      CrAttendanceMatrix  *b);

CrAttendanceMatrix *cr_attendance_matrix_parse       (CrCsv               *csv,
                                                      GPtrArray          **problems);
char               *cr_attendance_describe_problems  (GPtrArray           *problems,
                                                      const char          *filename,
                                                      guint                max);

void                cr_attendance_tally_add_row      (CrAttendanceTally   *tally,
                                                      const guint8        *marks,
                                                      guint                n_marks);
void                cr_attendance_tally_add_columns  (CrAttendanceTally   *tallies,
                                                      const guint8        *marks,
                                                      guint                n_marks);
guint               cr_attendance_tally_get_member_of (const CrAttendanceTally *tally);
gboolean            cr_attendance_tally_get_percent  (const CrAttendanceTally *tally,
                                                      guint               *percent);

CrAttendanceTally  *cr_attendance_matrix_tally_meetings (CrAttendanceMatrix *self);
CrAttendanceTally  *cr_attendance_matrix_tally_people   (CrAttendanceMatrix *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrAttendanceMatrix, cr_attendance_matrix_free)

G_END_DECLS
