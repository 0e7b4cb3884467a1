/* test-report-attendance.c: the attendance register as a workbook, and
 * back again
 *
 * Each workbook is read back by tests/read-xlsx.py (openpyxl), an
 * independent reader. The round trip saves the sheet as CSV the way a
 * spreadsheet does (cached values, not formulas) and imports it again
 * with cr-attendance-matrix: DESIGN.md promises the same register.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cr-report-attendance.h"
#include "cr-xlsx.h"

#include "cr-test-util.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#define PYTHON "/usr/bin/python3"

static const CrAttendanceReportInfo info = {
  .association = "Ashbourne Vale TRA",
  .group = "Residents' Panel",
  .period = "1 April 2026 to 31 March 2027",
  .source_file = "/home/secretary/Ashbourne Vale.commonroom",
};

/* Runs the reader; %NULL (and the test skipped) if it can't. */
static JsonNode *
read_back (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST,
                                                   "read-xlsx.py", NULL);
  const char *argv[] = { PYTHON, script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  int status = 0;

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("No " PYTHON " to read the workbook back with openpyxl");
      return NULL;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_autofree char *reason =
        g_strdup_printf ("Cannot read the workbook back: %s (install "
                         "python3-openpyxl)", g_strstrip (err));

      g_test_skip (reason);
      return NULL;
    }
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("read-xlsx.py failed: %s\n%s", error->message, err);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
get_sheet (JsonNode   *root,
           const char *name)
{
  JsonObject *sheets = json_object_get_object_member (
    json_node_get_object (root), "sheets");

  g_assert_true (json_object_has_member (sheets, name));
  return json_object_get_object_member (sheets, name);
}

static JsonObject *
get_cell (JsonObject *sheet,
          const char *ref)
{
  JsonObject *cells = json_object_get_object_member (sheet, "cells");

  if (!json_object_has_member (cells, ref))
    return NULL;
  return json_object_get_object_member (cells, ref);
}

static void
assert_text (JsonObject *sheet,
             const char *ref,
             const char *text)
{
  JsonObject *cell = get_cell (sheet, ref);

  if (cell == NULL)
    g_error ("%s is empty, expected “%s”", ref, text);
  g_assert_cmpstr (json_object_get_string_member (cell, "type"), ==, "s");
  g_assert_cmpstr (json_object_get_string_member (cell, "value"), ==, text);
}

static void
assert_empty (JsonObject *sheet,
              const char *ref)
{
  if (get_cell (sheet, ref) != NULL)
    g_error ("%s should be empty", ref);
}

/* A totals cell: the formula, and the value it carries. */
static void
assert_count (JsonObject *sheet,
              const char *ref,
              const char *formula,
              gint64      cached)
{
  JsonObject *cell = get_cell (sheet, ref);

  g_assert_nonnull (cell);
  g_assert_cmpstr (json_object_get_string_member (cell, "type"), ==, "f");
  g_assert_cmpstr (json_object_get_string_member (cell, "value"), ==, formula);
  g_assert_cmpint (json_object_get_int_member (cell, "cached"), ==, cached);
  g_assert_true (json_object_get_boolean_member (cell, "bold"));
}

/* "A" for 1, "AA" for 27. */
static char *
column_name (guint column)
{
  char buf[8];
  guint i = sizeof buf - 1;

  buf[i] = '\0';
  while (column > 0)
    {
      buf[--i] = (char) ('A' + (column - 1) % 26);
      column = (column - 1) / 26;
    }
  return g_strdup (buf + i);
}

/* One field as a spreadsheet's "Save as CSV" writes it: quoted only when
 * it must be, and never with a guard against formulas. */
static void
append_csv_field (GString    *out,
                  const char *value)
{
  if (strpbrk (value, ";\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* The text a spreadsheet shows for a cell when it saves the sheet as CSV:
 * the stored value of a formula, numbers without a trailing ".0". */
static char *
cell_text (JsonObject *cell)
{
  JsonNode *value;

  if (cell == NULL)
    return g_strdup ("");
  value = json_object_get_member (cell, "cached");
  if (JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("");
  switch (json_node_get_value_type (value))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (value));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%g", json_node_get_double (value));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (value) ? "TRUE" : "FALSE");
    default:
      g_assert_not_reached ();
    }
}

/* The whole sheet, title rows and totals too, as semicolon CSV. */
static char *
sheet_to_csv (JsonObject *sheet)
{
  guint n_rows = (guint) json_object_get_int_member (sheet, "max_row");
  guint n_columns = (guint) json_object_get_int_member (sheet, "max_column");
  GString *out = g_string_new (NULL);

  for (guint r = 1; r <= n_rows; r++)
    {
      for (guint c = 1; c <= n_columns; c++)
        {
          g_autofree char *letters = column_name (c);
          g_autofree char *ref = g_strdup_printf ("%s%u", letters, r);
          g_autofree char *text = cell_text (get_cell (sheet, ref));

          if (c > 1)
            g_string_append_c (out, ';');
          append_csv_field (out, text);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

static CrAttendanceMatrix *
make_matrix (void)
{
  static const char *const dates[] = {
    "2026-01-12", "2026-02-09", "2026-03-09", "2026-04-13", "2026-05-11",
  };
  static const struct
  {
    const char *name;
    guint8      marks[5];
  } people[] = {
    { "Siobhán O'Brien", { 1, 1, 2, 3, 1 } },
    { "Mensah, Kwame", { 0, 1, 1, 1, 2 } },
    { "Mary \"Molly\" Smith", { 3, 3, 3, 0, 0 } },
    { "=Hyphen-Smith", { 2, 0, 1, 0, 1 } },
    { "Zoë Ng; flat 4", { 1, 2, 3, 1, 2 } },
    { "Left Before Any", { 0, 0, 0, 0, 0 } },
    { "Present", { 1, 1, 1, 1, 1 } },
  };
  CrAttendanceMatrix *matrix = cr_attendance_matrix_new (dates,
                                                         G_N_ELEMENTS (dates));

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    cr_attendance_matrix_add_person (matrix, people[i].name, people[i].marks,
                                     0);
  return matrix;
}

static const CrAttendanceQuorate quorate[] = {
  CR_ATTENDANCE_QUORATE_YES, CR_ATTENDANCE_QUORATE_NO,
  CR_ATTENDANCE_QUORATE_UNKNOWN, CR_ATTENDANCE_QUORATE_YES,
  CR_ATTENDANCE_QUORATE_YES,
};

static void
test_layout (void)
{
  g_autofree char *dir =
      cr_test_make_tmpdir ("cr-test-report-attendance-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "register.xlsx", NULL);
  g_autoptr (CrAttendanceMatrix) matrix = make_matrix ();
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonObject *sheet;
  JsonObject *cell;

  g_assert_true (cr_report_attendance_matrix (path, &info, matrix, quorate,
                                              &error));
  g_assert_no_error (error);

  root = read_back (path);
  if (root == NULL)
    {
      cr_test_remove_tree (dir);
      return;
    }
  sheet = get_sheet (root, "Attendance");

  assert_text (sheet, "A1", "Residents' Panel: attendance register");
  assert_text (sheet, "A2", "1 April 2026 to 31 March 2027");
  assert_text (sheet, "A4", "Name");
  assert_text (sheet, "B4", "12/01/2026");
  assert_text (sheet, "F4", "11/05/2026");
  assert_text (sheet, "G4", "Attended (%)");
  g_assert_cmpstr (json_object_get_string_member (sheet, "freeze_panes"), ==,
                   "A5");
  g_assert_cmpstr (json_object_get_string_member (sheet, "auto_filter"), ==,
                   "A4:G11");

  /* Siobhán: P P A X P, present at 3 of 5. */
  assert_text (sheet, "A5", "Siobhán O'Brien");
  assert_text (sheet, "B5", "P");
  assert_text (sheet, "D5", "A");
  assert_text (sheet, "E5", "X");
  cell = get_cell (sheet, "G5");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (cell, "value"),
                                  0.6, 1e-12);
  g_assert_cmpstr (json_object_get_string_member (cell, "number_format"), ==,
                   "0%");
  /* Kwame was not a member at the first meeting: an empty cell, and 3 of
   * the 4 he was a member for. */
  assert_empty (sheet, "B6");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (
                                    get_cell (sheet, "G6"), "value"),
                                  0.75, 1e-12);
  /* A name that looks like a formula stays text. */
  assert_text (sheet, "A8", "=Hyphen-Smith");
  /* A member for none of the meetings: no percentage at all. */
  assert_text (sheet, "A10", "Left Before Any");
  assert_empty (sheet, "B10");
  assert_empty (sheet, "G10");

  /* The totals, below the seven members. */
  assert_text (sheet, "A12", "Present");
  assert_count (sheet, "B12", "=COUNTIF(B5:B11,\"P\")", 3);
  assert_count (sheet, "C12", "=COUNTIF(C5:C11,\"P\")", 3);
  assert_text (sheet, "A13", "Apologies");
  assert_count (sheet, "B13", "=COUNTIF(B5:B11,\"A\")", 1);
  assert_count (sheet, "D13", "=COUNTIF(D5:D11,\"A\")", 1);
  assert_text (sheet, "A14", "Absent");
  assert_count (sheet, "B14", "=COUNTIF(B5:B11,\"X\")", 1);
  assert_count (sheet, "D14", "=COUNTIF(D5:D11,\"X\")", 2);
  assert_empty (sheet, "G12");
  assert_text (sheet, "A15", "Quorate");
  assert_text (sheet, "B15", "Yes");
  assert_text (sheet, "C15", "No");
  assert_empty (sheet, "D15");
  assert_text (sheet, "F15", "Yes");
  g_assert_cmpint (json_object_get_int_member (sheet, "max_row"), ==, 15);

  cr_test_remove_tree (dir);
}

/* Exported, saved as CSV by a spreadsheet, imported: the same register. */
static void
round_trip (CrAttendanceMatrix *matrix)
{
  g_autofree char *dir =
      cr_test_make_tmpdir ("cr-test-report-attendance-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "register.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CrCsv) csv = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (CrAttendanceMatrix) back = NULL;

  g_assert_true (cr_report_attendance_matrix (path, &info, matrix, NULL,
                                              &error));
  g_assert_no_error (error);

  root = read_back (path);
  cr_test_remove_tree (dir);
  if (root == NULL)
    return;

  text = sheet_to_csv (get_sheet (root, "Attendance"));
  bytes = g_bytes_new (text, strlen (text));
  csv = cr_csv_parse (bytes, &error);
  g_assert_no_error (error);
  back = cr_attendance_matrix_parse (csv, &problems);
  if (problems->len > 0)
    {
      g_autofree char *described = cr_attendance_describe_problems (problems,
                                                                    "export",
                                                                    0);

      g_error ("the export does not read back:\n%s\n%s", described, text);
    }
  if (!cr_attendance_matrix_equal (matrix, back))
    g_error ("the register read back differs:\n%s", text);
}

static void
test_round_trip (void)
{
  g_autoptr (CrAttendanceMatrix) matrix = make_matrix ();

  round_trip (matrix);
}

static void
test_round_trip_empty (void)
{
  static const char *const dates[] = { "2026-01-12", "2026-02-09" };
  g_autoptr (CrAttendanceMatrix) matrix = cr_attendance_matrix_new (dates, 2);

  round_trip (matrix);
}

/* A register larger than a screen, every mark in every column. */
static void
test_round_trip_many (void)
{
  const char *dates[30];
  g_autoptr (GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (CrAttendanceMatrix) matrix = NULL;
  guint8 marks[G_N_ELEMENTS (dates)];

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      char *iso = g_strdup_printf ("2025-%02u-%02u", i / 28 + 1, i % 28 + 1);

      g_ptr_array_add (owned, iso);
      dates[i] = iso;
    }
  matrix = cr_attendance_matrix_new (dates, G_N_ELEMENTS (dates));
  for (guint p = 0; p < 300; p++)
    {
      g_autofree char *name = g_strdup_printf ("Member %u", p + 1);

      for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
        marks[i] = (guint8) ((p * 7 + i * 3) % CR_ATTENDANCE_N_MARKS);
      cr_attendance_matrix_add_person (matrix, name, marks, 0);
    }

  round_trip (matrix);
}

typedef struct
{
  guint given;
  guint fail_after;
} FailingRows;

static gboolean
failing_rows (gpointer       user_data,
              const char   **name,
              const guint8 **marks,
              GError       **error)
{
  static const guint8 row[] = { CR_ATTENDANCE_PRESENT, CR_ATTENDANCE_ABSENT };
  FailingRows *rows = user_data;

  if (rows->given == rows->fail_after)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "The association file went away");
      return FALSE;
    }
  rows->given++;
  *name = "Ada Lovelace";
  *marks = row;
  return TRUE;
}

/* If the rows can't be read to the end, nothing is saved and the file
 * already there is left alone. */
static void
test_source_fails (void)
{
  static const CrAttendanceMeeting meetings[] = {
    { "2026-01-12", CR_ATTENDANCE_QUORATE_YES },
    { "2026-02-09", CR_ATTENDANCE_QUORATE_NO },
  };
  g_autofree char *dir =
      cr_test_make_tmpdir ("cr-test-report-attendance-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "register.xlsx", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  FailingRows rows = { 0, 3 };
  g_autoptr (GDir) d = NULL;
  guint n_files = 0;

  g_assert_true (g_file_set_contents (path, "the older register", -1, NULL));
  g_assert_false (cr_report_attendance (path, NULL, meetings,
                                        G_N_ELEMENTS (meetings),
                                        failing_rows, &rows, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpuint (rows.given, ==, 3);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the older register");
  d = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (d) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  cr_test_remove_tree (dir);
}

/* cr_xlsx_sheet_add_count_if() on its own: a quote in the text is
 * doubled inside the formula, and a sheet with no records counts 0. */
static void
test_count_if (void)
{
  const CrXlsxColumn columns[] = {
    { "Name", CR_XLSX_TEXT, 0 },
    { "Said", CR_XLSX_TEXT, 0 },
  };
  g_autofree char *dir =
      cr_test_make_tmpdir ("cr-test-report-attendance-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "count.xlsx", NULL);
  g_autoptr (CrXlsx) xlsx = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  CrXlsxSheet *sheet;
  CrXlsxSheet *empty;
  JsonObject *cell;

  xlsx = cr_xlsx_new (path, "Ashbourne Vale TRA", "Counts", &error);
  g_assert_no_error (error);
  sheet = cr_xlsx_add_sheet (xlsx, "Counts", "Counts", NULL, columns, 2);
  for (guint i = 0; i < 3; i++)
    {
      cr_xlsx_sheet_add_text (sheet, "Ada");
      cr_xlsx_sheet_add_text (sheet, i == 1 ? "no" : "say \"hi\"");
      cr_xlsx_sheet_end_row (sheet);
    }
  cr_xlsx_sheet_begin_totals (sheet, NULL);
  cr_xlsx_sheet_add_count_if (sheet, "say \"hi\"", 2);
  cr_xlsx_sheet_end_row (sheet);
  empty = cr_xlsx_add_sheet (xlsx, "Empty", "Empty", NULL, columns, 2);
  cr_xlsx_sheet_begin_totals (empty, NULL);
  cr_xlsx_sheet_add_count_if (empty, "P", 0);
  cr_xlsx_sheet_end_row (empty);
  g_assert_true (cr_xlsx_close (xlsx, NULL, &error));
  g_assert_no_error (error);

  root = read_back (path);
  cr_test_remove_tree (dir);
  if (root == NULL)
    return;
  assert_text (get_sheet (root, "Counts"), "A8", "Total");
  assert_count (get_sheet (root, "Counts"), "B8",
                "=COUNTIF(B5:B7,\"say \"\"hi\"\"\")", 2);
  cell = get_cell (get_sheet (root, "Empty"), "B5");
  g_assert_nonnull (cell);
  g_assert_cmpint (json_object_get_int_member (cell, "value"), ==, 0);
  g_assert_true (json_object_get_boolean_member (cell, "bold"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/attendance/layout", test_layout);
  g_test_add_func ("/report/attendance/round-trip", test_round_trip);
  g_test_add_func ("/report/attendance/round-trip-empty",
                   test_round_trip_empty);
  g_test_add_func ("/report/attendance/round-trip-many",
                   test_round_trip_many);
  g_test_add_func ("/report/attendance/source-fails", test_source_fails);
  g_test_add_func ("/report/attendance/count-if", test_count_if);

  return g_test_run ();
}
