/* test-attendance-matrix.c: the register matrix, read from CSV and counted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-attendance-matrix.h"

#include <string.h>

static CrCsv *
parse_text (const char *text)
{
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr (GError) error = NULL;
  CrCsv *csv = cr_csv_parse (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  return csv;
}

static CrCsv *
parse_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data",
                                                 "attendance", name, NULL);
  g_autoptr (GError) error = NULL;
  CrCsv *csv = cr_csv_parse_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  return csv;
}

/* Reads @text and insists there was nothing wrong with it. */
static CrAttendanceMatrix *
read_clean (const char *text)
{
  g_autoptr (CrCsv) csv = parse_text (text);
  g_autoptr (GPtrArray) problems = NULL;
  CrAttendanceMatrix *matrix = cr_attendance_matrix_parse (csv, &problems);

  if (problems->len > 0)
    {
      g_autofree char *described = cr_attendance_describe_problems (problems,
                                                                    "t.csv",
                                                                    0);
      g_error ("unexpected problems:\n%s", described);
    }
  return matrix;
}

/* The row's marks as letters, "." for empty: "PA.X". */
static char *
row_letters (CrAttendanceMatrix *matrix,
             guint               person)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cr_attendance_matrix_get_n_dates (matrix); i++)
    {
      CrAttendanceMark mark = cr_attendance_matrix_get_mark (matrix, person, i);

      g_string_append (out, mark == CR_ATTENDANCE_NONE
                            ? "." : cr_attendance_mark_to_letter (mark));
    }
  return g_string_free (out, FALSE);
}

static void
assert_person (CrAttendanceMatrix *matrix,
               guint               person,
               const char         *name,
               const char         *letters,
               guint               line)
{
  g_autofree char *got = row_letters (matrix, person);

  g_assert_cmpstr (cr_attendance_matrix_get_name (matrix, person), ==, name);
  g_assert_cmpstr (got, ==, letters);
  g_assert_cmpuint (cr_attendance_matrix_get_line (matrix, person), ==, line);
}

/* Checks the problem at @index is on @line and mentions @part. */
static void
assert_problem (GPtrArray  *problems,
                guint       index,
                guint       line,
                const char *part)
{
  CrImportProblem *problem;

  g_assert_cmpuint (index, <, problems->len);
  problem = g_ptr_array_index (problems, index);
  g_assert_cmpuint (problem->line, ==, line);
  if (strstr (problem->message, part) == NULL)
    g_error ("problem %u “%s” does not contain “%s”", index,
             problem->message, part);
}

static void
test_marks (void)
{
  static const struct
  {
    const char       *text;
    CrAttendanceMark  mark;
  } good[] = {
    { "P", CR_ATTENDANCE_PRESENT },
    { "p", CR_ATTENDANCE_PRESENT },
    { " A ", CR_ATTENDANCE_APOLOGIES },
    { "\tx", CR_ATTENDANCE_ABSENT },
    { "X\xc2\xa0", CR_ATTENDANCE_ABSENT },
    { "\xc2\xa0\xc2\xa0" "a \xc2\xa0", CR_ATTENDANCE_APOLOGIES },
    { "Present", CR_ATTENDANCE_PRESENT },
    { "APOLOGIES", CR_ATTENDANCE_APOLOGIES },
    { "apology", CR_ATTENDANCE_APOLOGIES },
    { "Apols", CR_ATTENDANCE_APOLOGIES },
    { "absent", CR_ATTENDANCE_ABSENT },
    { "", CR_ATTENDANCE_NONE },
    { "   ", CR_ATTENDANCE_NONE },
  };
  static const char *const bad[] = {
    "Y", "N", "L", "PP", "P A", "A X", "P\xc2\xa0" "A", "✓", "1", "-", "abs",
    "presents", NULL
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      CrAttendanceMark mark = CR_ATTENDANCE_N_MARKS;

      g_assert_true (cr_attendance_mark_parse (good[i].text, &mark));
      g_assert_cmpint (mark, ==, good[i].mark);
    }
  for (guint i = 0; bad[i] != NULL; i++)
    {
      CrAttendanceMark mark = CR_ATTENDANCE_N_MARKS;

      if (cr_attendance_mark_parse (bad[i], &mark))
        g_error ("“%s” was read as a mark", bad[i]);
      g_assert_cmpint (mark, ==, CR_ATTENDANCE_N_MARKS);
    }

  /* What the export writes is what the import reads. */
  for (CrAttendanceMark m = CR_ATTENDANCE_NONE; m < CR_ATTENDANCE_N_MARKS; m++)
    {
      CrAttendanceMark back = CR_ATTENDANCE_N_MARKS;

      g_assert_true (cr_attendance_mark_parse (cr_attendance_mark_to_letter (m),
                                               &back));
      g_assert_cmpint (back, ==, m);
    }
  g_assert_cmpstr (cr_attendance_mark_get_label (CR_ATTENDANCE_APOLOGIES), ==,
                   "Apologies");
}

/* UTF-8 with a byte order mark, semicolons, CRLF, UK dates beside an ISO
 * one, marks in words and either case, a blank line, a quoted name. */
static void
test_bom_semicolon (void)
{
  g_autoptr (CrCsv) csv = parse_fixture ("register-bom-semicolon.csv");
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (CrAttendanceMatrix) matrix = NULL;

  g_assert_cmpstr (cr_csv_get_encoding (csv), ==, "UTF-8 with BOM");
  g_assert_cmpint (cr_csv_get_delimiter (csv), ==, ';');

  matrix = cr_attendance_matrix_parse (csv, &problems);
  g_assert_cmpuint (problems->len, ==, 0);

  g_assert_cmpuint (cr_attendance_matrix_get_n_dates (matrix), ==, 4);
  g_assert_cmpstr (cr_attendance_matrix_get_date (matrix, 0), ==, "2026-01-12");
  g_assert_cmpstr (cr_attendance_matrix_get_date (matrix, 1), ==, "2026-02-09");
  g_assert_cmpstr (cr_attendance_matrix_get_date (matrix, 2), ==, "2026-03-09");
  g_assert_cmpstr (cr_attendance_matrix_get_date (matrix, 3), ==, "2026-04-13");

  g_assert_cmpuint (cr_attendance_matrix_get_n_people (matrix), ==, 4);
  assert_person (matrix, 0, "Siobhán O'Brien", "PPAX", 2);
  assert_person (matrix, 1, "Kwame Mensah", "PAX.", 3);
  assert_person (matrix, 2, "Jan van der Berg", "..PP", 4);
  /* Line 5 is blank and still counted. */
  assert_person (matrix, 3, "Smith, Mary", "XAPA", 6);
}

/* A bad date heading, a bad mark, and the rest: every problem is named
 * with its line, in the order of the file. */
static void
test_problems (void)
{
  g_autoptr (CrCsv) csv = parse_fixture ("problems.csv");
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (CrAttendanceMatrix) matrix = NULL;
  g_autofree char *described = NULL;
  g_auto (GStrv) lines = NULL;

  matrix = cr_attendance_matrix_parse (csv, &problems);

  g_assert_cmpuint (problems->len, ==, 8);
  assert_problem (problems, 0, 1, "Column C: “31/02/2026” is not a date");
  assert_problem (problems, 1, 1, "Column E: “Jan meeting” is not a date");
  assert_problem (problems, 2, 1,
                  "Columns B and F are both for the meeting on 12/01/2026");
  assert_problem (problems, 3, 3, "“Y” under 09/03/2026 (column D) is not a "
                                  "mark: write P for present, A for apologies "
                                  "or X for absent");
  assert_problem (problems, 4, 4, "The row has marks but no name");
  assert_problem (problems, 5, 5, "“Kwame  MENSAH” is also on line 3");
  assert_problem (problems, 6, 6, "“late” under 09/03/2026 (column D)");
  assert_problem (problems, 7, 6, "“X” is in column G, which has no meeting "
                                  "date at the top");

  described = cr_attendance_describe_problems (problems, "problems.csv", 0);
  lines = g_strsplit (described, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 9);
  g_assert_true (g_str_has_prefix (lines[0], "problems.csv:1: Column C: "));
  g_assert_true (g_str_has_prefix (lines[3], "problems.csv:3: “Y” under "));
  g_assert_true (g_str_has_prefix (lines[7], "problems.csv:6: “X” is in "));
  g_assert_cmpstr (lines[8], ==, "");

  g_clear_pointer (&described, g_free);
  described = cr_attendance_describe_problems (problems, "problems.csv", 7);
  g_assert_true (g_str_has_suffix (described, "… and 1 more problem.\n"));

  /* What could be read: the two good meetings, the one clean row. */
  g_assert_cmpuint (cr_attendance_matrix_get_n_dates (matrix), ==, 2);
  g_assert_cmpstr (cr_attendance_matrix_get_date (matrix, 0), ==, "2026-01-12");
  g_assert_cmpstr (cr_attendance_matrix_get_date (matrix, 1), ==, "2026-03-09");
  g_assert_cmpuint (cr_attendance_matrix_get_n_people (matrix), ==, 1);
  assert_person (matrix, 0, "Siobhán O'Brien", "PA", 2);
}

/* An exported register saved as CSV: title rows, the Attended column and
 * the totals below are passed over; a member who happens to be called
 * "Present" is still a member. */
static void
test_exported_layout (void)
{
  g_autoptr (CrAttendanceMatrix) matrix = read_clean (
    "Ashbourne Vale TRA: attendance register,,,\n"
    "1 April 2026 to 31 March 2027,,,\n"
    ",,,\n"
    "Name,12/01/2026,09/02/2026,Attended (%)\n"
    "Ada Lovelace,P,X,0.5\n"
    "Present,A,P,50%\n"
    "Bob Jones,,P,1\n"
    "Present,2,2,\n"
    "Apologies,1,0,\n"
    "Absent,0,1,\n"
    "Quorate,Yes,,\n");

  g_assert_cmpuint (cr_attendance_matrix_get_n_dates (matrix), ==, 2);
  g_assert_cmpuint (cr_attendance_matrix_get_n_people (matrix), ==, 3);
  assert_person (matrix, 0, "Ada Lovelace", "PX", 5);
  assert_person (matrix, 1, "Present", "AP", 6);
  assert_person (matrix, 2, "Bob Jones", ".P", 7);
}

/* Spreadsheets leave empty columns and cells behind; a short row is empty
 * at the end; a name with no marks is a member of none of the meetings. */
static void
test_ragged (void)
{
  g_autoptr (CrAttendanceMatrix) matrix = read_clean (
    "Member,2026-01-12,2026-02-09,,\n"
    "Ada Lovelace,P\n"
    "Bob Jones,,,,\n"
    "Cy Twombly,X,A,,\n");

  g_assert_cmpuint (cr_attendance_matrix_get_n_dates (matrix), ==, 2);
  assert_person (matrix, 0, "Ada Lovelace", "P.", 2);
  assert_person (matrix, 1, "Bob Jones", "..", 3);
  assert_person (matrix, 2, "Cy Twombly", "XA", 4);
}

static void
assert_only_problem (const char *text,
                     guint       line,
                     const char *part)
{
  g_autoptr (CrCsv) csv = parse_text (text);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (CrAttendanceMatrix) matrix = cr_attendance_matrix_parse (csv,
                                                                       &problems);

  g_assert_cmpuint (problems->len, ==, 1);
  assert_problem (problems, 0, line, part);
}

static void
test_no_meetings (void)
{
  assert_only_problem ("Name\nAda Lovelace\nBob Jones\n", 1,
                       "There are no meetings in the file");
  assert_only_problem ("\n\nName,Attended (%)\nAda Lovelace,50%\n", 3,
                       "There are no meetings in the file");
  assert_only_problem ("12/01/2026,09/02/2026\nP,A\n", 1,
                       "The first column should hold the members’ names");
}

static CrAttendanceMatrix *
make_matrix (void)
{
  static const char *const dates[] = {
    "2026-01-12", "2026-02-09", "2026-03-09"
  };
  static const guint8 ada[] = {
    CR_ATTENDANCE_PRESENT, CR_ATTENDANCE_APOLOGIES, CR_ATTENDANCE_ABSENT
  };
  static const guint8 bob[] = {
    CR_ATTENDANCE_NONE, CR_ATTENDANCE_PRESENT, CR_ATTENDANCE_PRESENT
  };
  CrAttendanceMatrix *matrix = cr_attendance_matrix_new (dates, 3);

  cr_attendance_matrix_add_person (matrix, "Ada Lovelace", ada, 0);
  cr_attendance_matrix_add_person (matrix, "Bob Jones", bob, 0);
  cr_attendance_matrix_add_person (matrix, "Cy Twombly", NULL, 0);
  return matrix;
}

static void
test_tally (void)
{
  g_autoptr (CrAttendanceMatrix) matrix = make_matrix ();
  g_autofree CrAttendanceTally *meetings =
    cr_attendance_matrix_tally_meetings (matrix);
  g_autofree CrAttendanceTally *people =
    cr_attendance_matrix_tally_people (matrix);
  CrAttendanceTally third = { 1, 1, 1 };
  CrAttendanceTally two_thirds = { 2, 0, 1 };
  CrAttendanceTally half = { 1, 1, 0 };
  guint percent = 999;

  g_assert_cmpuint (meetings[0].present, ==, 1);
  g_assert_cmpuint (meetings[0].apologies, ==, 0);
  g_assert_cmpuint (meetings[0].absent, ==, 0);
  g_assert_cmpuint (meetings[1].present, ==, 1);
  g_assert_cmpuint (meetings[1].apologies, ==, 1);
  g_assert_cmpuint (meetings[2].present, ==, 1);
  g_assert_cmpuint (meetings[2].absent, ==, 1);
  g_assert_cmpuint (cr_attendance_tally_get_member_of (&meetings[0]), ==, 1);
  g_assert_cmpuint (cr_attendance_tally_get_member_of (&meetings[2]), ==, 2);

  /* Ada: present at 1 of the 3 she was a member for; Bob: 2 of 2. */
  g_assert_true (cr_attendance_tally_get_percent (&people[0], &percent));
  g_assert_cmpuint (percent, ==, 33);
  g_assert_true (cr_attendance_tally_get_percent (&people[1], &percent));
  g_assert_cmpuint (percent, ==, 100);
  g_assert_cmpuint (cr_attendance_tally_get_member_of (&people[1]), ==, 2);
  /* Cy was a member for none: no percentage, rather than 0%. */
  percent = 999;
  g_assert_false (cr_attendance_tally_get_percent (&people[2], &percent));
  g_assert_cmpuint (percent, ==, 999);

  g_assert_true (cr_attendance_tally_get_percent (&third, &percent));
  g_assert_cmpuint (percent, ==, 33);
  g_assert_true (cr_attendance_tally_get_percent (&two_thirds, &percent));
  g_assert_cmpuint (percent, ==, 67);
  g_assert_true (cr_attendance_tally_get_percent (&half, &percent));
  g_assert_cmpuint (percent, ==, 50);
}

static void
test_equal (void)
{
  static const char *const reordered[] = {
    "2026-02-09", "2026-01-12", "2026-03-09"
  };
  g_autoptr (CrAttendanceMatrix) a = make_matrix ();
  g_autoptr (CrAttendanceMatrix) b = make_matrix ();
  g_autoptr (CrAttendanceMatrix) c = cr_attendance_matrix_new (reordered, 3);
  g_autoptr (CrAttendanceMatrix) d = make_matrix ();
  g_autoptr (CrAttendanceMatrix) read = read_clean (
    "Name,12/01/2026,09/02/2026,09/03/2026\n"
    "Ada Lovelace,P,A,X\n"
    "Bob Jones,,P,P\n"
    "Cy Twombly,,,\n");
  guint8 marks[3] = { 0 };

  g_assert_true (cr_attendance_matrix_equal (a, b));
  /* Lines do not count. */
  g_assert_true (cr_attendance_matrix_equal (a, read));
  g_assert_false (cr_attendance_matrix_equal (a, c));
  cr_attendance_matrix_add_person (d, "Dee Dee", marks, 0);
  g_assert_false (cr_attendance_matrix_equal (a, d));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/attendance-matrix/marks", test_marks);
  g_test_add_func ("/core/attendance-matrix/bom-semicolon", test_bom_semicolon);
  g_test_add_func ("/core/attendance-matrix/problems", test_problems);
  g_test_add_func ("/core/attendance-matrix/exported-layout",
                   test_exported_layout);
  g_test_add_func ("/core/attendance-matrix/ragged", test_ragged);
  g_test_add_func ("/core/attendance-matrix/no-meetings", test_no_meetings);
  g_test_add_func ("/core/attendance-matrix/tally", test_tally);
  g_test_add_func ("/core/attendance-matrix/equal", test_equal);

  return g_test_run ();
}
